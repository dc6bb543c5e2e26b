import Testing
@testable import LoadSim

/// Reference figures from `python3 scripts/erlang-reference.py`: the M/M/c+M generator matrix
/// solved with numpy (stationary law), P(served within t) with scipy.linalg.expm, and ASA from
/// the fundamental matrix of the tagged caller's chain: methods independent of ours.
struct ErlangATests {
    struct Case: Sendable, CustomTestStringConvertible {
        var perHour: Double, aht: Double, agents: Int, patience: Double, target: Double
        var pw: Double, sl: Double, asa: Double, ab: Double, occ: Double
        var testDescription: String { "\(perHour)/h \(agents) agents patience \(patience)" }
    }

    static let cases: [Case] = [
        Case(perHour: 1000, aht: 120, agents: 30, patience: 60, target: 20,
             pw: 0.6350603610840958, sl: 0.733730755132556, asa: 8.091794172450603,
             ab: 0.1411495335944435, occ: 0.9542782960054158),
        Case(perHour: 360, aht: 300, agents: 28, patience: 120, target: 20,
             pw: 0.5359236878815284, sl: 0.6347229666605345, asa: 14.033682445406765,
             ab: 0.12709171246118, occ: 0.9352588794998619),
        Case(perHour: 100, aht: 180, agents: 4, patience: 90, target: 30,
             pw: 0.6478267392810168, sl: 0.4897036466354836, asa: 23.3644094267798,
             ab: 0.31609779528017184, occ: 0.854877755912301),
    ]

    @Test(arguments: cases) func matchesReference(_ c: Case) throws {
        let model = QueueModel(arrivalRate: c.perHour / 3600, meanHandling: c.aht, agents: c.agents,
                               target: c.target, meanPatience: c.patience)
        let f = try #require(model.figures())
        #expect(abs(f.probabilityOfWaiting - c.pw) < 1e-9)
        #expect(abs(f.serviceLevel - c.sl) < 1e-9)
        #expect(abs(f.averageSpeedOfAnswer - c.asa) < 1e-7)
        #expect(abs(f.abandonRate - c.ab) < 1e-9)
        #expect(abs(f.occupancy - c.occ) < 1e-9)
    }

    @Test func veryPatientCallersApproachErlangC() throws {
        let c = try #require(ErlangC.figures(QueueModel(arrivalRate: 1000 / 3600, meanHandling: 120, agents: 40, target: 20)))
        let a = try #require(ErlangA.figures(QueueModel(arrivalRate: 1000 / 3600, meanHandling: 120, agents: 40, target: 20),
                                             meanPatience: 1e7))
        #expect(abs(a.serviceLevel - c.serviceLevel) < 1e-4)
        #expect(abs(a.averageSpeedOfAnswer - c.averageSpeedOfAnswer) < 1e-2)
        #expect(a.abandonRate < 1e-5)
    }

    @Test func overloadStaysStableAndAbandonmentBalances() throws {
        // 150 % load: Erlang C has no answer; Erlang A does, and served work equals busy agents.
        let model = QueueModel(arrivalRate: 0.5, meanHandling: 60, agents: 20, target: 20, meanPatience: 30)
        let f = try #require(model.figures())
        let busyFromThroughput = model.arrivalRate * (1 - f.abandonRate) * model.meanHandling / 20
        #expect(abs(f.occupancy - busyFromThroughput) < 1e-9)
        #expect(f.abandonRate > 0.3)
    }

    @Test func fiveHundredAgentsStaysFinite() throws {
        let model = QueueModel(arrivalRate: 6000 / 3600, meanHandling: 300, agents: 500, target: 20, meanPatience: 120)
        let f = try #require(model.figures())
        for v in [f.probabilityOfWaiting, f.serviceLevel, f.averageSpeedOfAnswer, f.abandonRate, f.occupancy] {
            #expect(v.isFinite && v >= 0)
        }
        #expect(f.serviceLevel > 0 && f.serviceLevel < 1)
    }

    @Test func staffingWithAbandonmentNeedsFewerAgents() throws {
        let base = QueueModel(arrivalRate: 1000 / 3600, meanHandling: 120, agents: 0, target: 20)
        var withPatience = base; withPatience.meanPatience = 60
        let c = try #require(Staffing.agentsNeeded(base, serviceLevel: 0.8))
        let a = try #require(Staffing.agentsNeeded(withPatience, serviceLevel: 0.8))
        #expect(a.agents <= c.agents)
        var fewer = withPatience; fewer.agents = a.agents - 1
        #expect(try #require(fewer.figures()).serviceLevel < 0.8)
    }
}
