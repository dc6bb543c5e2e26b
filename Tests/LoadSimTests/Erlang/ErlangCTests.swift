import Testing
@testable import LoadSim

/// Reference figures from `python3 scripts/erlang-reference.py` (scipy.stats.poisson identity
/// C = P[N=c] / (P[N=c] + (1 − a/c)·P[N<c]), N ~ Poisson(a)), a method independent of ours.
struct ErlangCTests {
    @Test func knownFieldCheck() throws {
        // FIELD-NOTES: 1000 calls/h, AHT 120 s, 80/20 → 33.33 Erl, 40 agents, SL 93.7 %, ASA 3.4 s, occ 83.3 %.
        let model = QueueModel(arrivalRate: 1000 / 3600, meanHandling: 120, agents: 40, target: 20)
        let f = try #require(ErlangC.figures(model))
        #expect(abs(f.offeredLoad - 33.3333) < 1e-3)
        #expect(abs(f.probabilityOfWaiting - 0.19073729039430987) < 1e-12)
        #expect(abs(f.serviceLevel - 0.937210621488713) < 1e-12)
        #expect(abs(f.averageSpeedOfAnswer - 3.433271227097579) < 1e-10)
        #expect(abs(f.occupancy - 0.8333333333333334) < 1e-12)
    }

    @Test func staffingFindsTheFirstAgentCountMeetingTheGoal() throws {
        // scipy reference: SL(37) = 0.7656, SL(38) = 0.8468, SL(40) = 0.9372.
        let model = QueueModel(arrivalRate: 1000 / 3600, meanHandling: 120, agents: 0, target: 20)
        let r = try #require(Staffing.agentsNeeded(model, serviceLevel: 0.8))
        #expect(r.agents == 38)
        #expect(abs(r.figures.serviceLevel - 0.8468032831678685) < 1e-12)
        let strict = try #require(Staffing.agentsNeeded(model, serviceLevel: 0.93))
        #expect(strict.agents == 40)
        var fewer = model; fewer.agents = 37
        #expect(try #require(ErlangC.figures(fewer)).serviceLevel < 0.8)
    }

    @Test func mediumCase() throws {
        let f = try #require(ErlangC.figures(QueueModel(arrivalRate: 0.1, meanHandling: 300, agents: 35, target: 20)))
        #expect(abs(f.probabilityOfWaiting - 0.28458246241351215) < 1e-12)
        #expect(abs(f.serviceLevel - 0.79608775524053) < 1e-12)
        #expect(abs(f.averageSpeedOfAnswer - 17.07494774481073) < 1e-9)
    }

    @Test func stableForFiveHundredAgents() throws {
        let f = try #require(ErlangC.figures(QueueModel(arrivalRate: 6000 / 3600, meanHandling: 300, agents: 520, target: 20)))
        #expect(abs(f.probabilityOfWaiting - 0.27475634469653926) < 1e-11)
        #expect(abs(f.serviceLevel - 0.9275750138588541) < 1e-11)
        #expect(abs(f.averageSpeedOfAnswer - 4.121345170448089) < 1e-8)
        // Thousands of agents stay finite and in range.
        let big = try #require(ErlangC.figures(QueueModel(arrivalRate: 10, meanHandling: 300, agents: 3100, target: 20)))
        #expect(big.probabilityOfWaiting >= 0 && big.probabilityOfWaiting <= 1)
    }

    @Test func overloadedIsUnstable() {
        #expect(ErlangC.figures(QueueModel(arrivalRate: 1, meanHandling: 10, agents: 10, target: 20)) == nil)
        #expect(ErlangC.probabilityOfWaiting(agents: 5, load: 6) == 1)
    }

    @Test func erlangBMatchesDirectFormula() {
        // B(2, 1) = (1/2) / (1 + 1 + 1/2) = 0.2
        #expect(abs(ErlangC.blocking(agents: 2, load: 1) - 0.2) < 1e-15)
    }
}
