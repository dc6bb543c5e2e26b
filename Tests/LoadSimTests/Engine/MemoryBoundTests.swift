import Foundation
import Testing
@testable import LoadSim

/// Memory follows the callers held at once, never the number of calls or simulated time; a
/// load that grows without end stops at `ScenarioLimits.mostCallersHeld` with a located error.
struct MemoryBoundTests {
    /// A busy queue with abandonment, redials and callers who wait: everything that could
    /// accumulate per call if it were kept.
    func footprint(days: Int) throws -> SimulationRun.Footprint {
        let model = try SimulationModel(scenario: try SimTest.scenario("""
            duration: \(days)d
            seed: 7
            arrivals: {per_hour: 600}
            handling: {dist: exponential, mean: 290s}
            patience: {dist: exponential, mean: 120s}
            callers: {redial: {probability: 0.3, after: {dist: exponential, mean: 10m}}}
            agents: {count: 48}
            """), program: nil)
        var run = try SimulationRun(model: model, seed: 7, replication: 0)
        let stats = try run.run()
        #expect(stats.calls > days * 14_000)
        return run.footprint
    }

    @Test func tablesDoNotGrowWithSimulatedTime() throws {
        let one = try footprint(days: 1), four = try footprint(days: 4)
        // Four times the calls; a table that kept anything per call would be about 4x. The peak
        // of a stationary queue grows only slowly with the length of the run.
        #expect(one.callersHeld > 20)
        #expect(four.callersHeld < 2 * one.callersHeld, "\(one) vs \(four)")
        #expect(four.callSlots < 2 * one.callSlots, "\(one) vs \(four)")
        #expect(four.eventSlots < 2 * one.eventSlots, "\(one) vs \(four)")
        #expect(four.callSlots <= four.callersHeld)
    }

    @Test func callersWaitingForeverStopAtTheCapWithALocatedError() throws {
        // No agents and no patience: every caller waits to the end; holding them all is what
        // used to take 440 MB.
        let yaml = """
            duration: 3d
            arrivals: {per_hour: 100000}
            handling: {dist: exponential, mean: 120s}
            agents: {count: 0}
            """
        do {
            _ = try SimTest.stats(yaml)
            Issue.record("expected the run to stop at the cap")
        } catch let e as ScenarioErrors {
            let text = e.description
            #expect(text.hasPrefix("test.yaml:2:11: error: arrivals: more than \(ScenarioLimits.mostCallersHeld) callers held at once at day 1 02:0"), "\(text)")
            #expect(text.contains("\(ScenarioLimits.mostCallersHeld) calls in progress, 0 waiting to redial"), "\(text)")
            #expect(text.contains("add agents, give callers 'patience'"))
        }
    }

    @Test func aLoadJustUnderTheCapRuns() throws {
        // The same queue for a shorter run: fewer callers than the cap, all of them unanswered.
        let stats = try SimTest.stats("""
            duration: 1h
            arrivals: {per_hour: 20000}
            agents: {count: 0}
            """)
        #expect(stats.unfinished == stats.calls && stats.calls > 19_000)
    }
}
