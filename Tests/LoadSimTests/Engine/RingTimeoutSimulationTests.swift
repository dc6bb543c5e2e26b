import Foundation
import Testing
@testable import LoadSim

/// Agents who let offers ring out (`no_answer`) hold the caller for the queue's `ring_timeout`,
/// then the offer counts as not answered and the caller is offered again, as live.
@Suite struct RingTimeoutSimulationTests {
    static func yaml(noAnswer: String, ringTimeout: String, strategy: String = "longest-idle") -> String {
        """
        duration: 2d
        seed: 4
        arrivals: {per_hour: 30}
        handling: {dist: exponential, mean: 3m}
        queues: {main: {strategy: \(strategy), ring_timeout: \(ringTimeout)}}
        agents: {count: 4\(noAnswer.isEmpty ? "" : ", no_answer: \(noAnswer)")}
        """
    }

    @Test func missedOffersWaitForTheRingTimeout() throws {
        let always = try SimTest.stats(Self.yaml(noAnswer: "", ringTimeout: "15s"))
        #expect(always.missedOffers == 0)
        let short = try SimTest.stats(Self.yaml(noAnswer: "30%", ringTimeout: "5s"))
        let long = try SimTest.stats(Self.yaml(noAnswer: "30%", ringTimeout: "30s"))
        #expect(short.missedOffers > 100 && long.missedOffers > 100, "\(short.missedOffers) \(long.missedOffers)")
        for run in [always, short, long] {
            #expect(run.total.answered == run.total.offered, "no patience: everyone is answered in the end")
        }
        let asa = [always, short, long].map(\.total.averageSpeedOfAnswer)
        #expect(asa[0] < asa[1] && asa[1] < asa[2], "each missed offer adds its ring time to the wait: \(asa)")
        // Under no load a caller offered to an agent who misses waits a whole ring timeout:
        // with 30% missing, the mean wait is at least 0.3 × 30 s.
        #expect(asa[2] > 0.3 * 30 * 0.8, "\(asa)")
    }

    @Test func ringAllIsAnsweredUnlessEveryMemberMisses() throws {
        let some = try SimTest.stats(Self.yaml(noAnswer: "30%", ringTimeout: "20s", strategy: "ring-all"))
        #expect(some.missedOffers > 0, "now and then every ringing member misses")
        let none = try SimTest.stats(Self.yaml(noAnswer: "100%", ringTimeout: "20s", strategy: "ring-all")
            .replacingOccurrences(of: "duration: 2d", with: "duration: 1h\npatience: {dist: exponential, mean: 2m}"))
        #expect(none.total.answered == 0 && none.missedOffers > 0, "nobody ever answers: \(none.total.answered)")
    }

    @Test func noAnswerIsAShareAndOnlyWhereAgentsAre() throws {
        #expect(throws: (any Error).self) { try SimTest.scenario(Self.yaml(noAnswer: "150%", ringTimeout: "15s")) }
        let groups = try SimTest.scenario("""
            arrivals: {per_hour: 10}
            agents:
              groups:
                - {name: a, count: 2, no_answer: 10%}
                - {name: b, count: 2}
            """)
        #expect(groups.agents.map(\.noAnswer) == [0.1, 0])
    }
}
