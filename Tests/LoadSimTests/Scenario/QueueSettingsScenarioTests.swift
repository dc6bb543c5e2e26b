import CallFlow
import CallQueue
import Foundation
import Testing
@testable import LoadSim

/// A scenario's `queues:` takes the queue settings `ivr queue set` takes, and the simulator
/// builds its queue manager from them with the same function as `ivr serve`.
@Suite struct QueueSettingsScenarioTests {
    static let base = """
    duration: 1d
    start: 2026-11-23T00:00
    arrivals: {per_hour: 20}
    handling: {dist: exponential, mean: 3m}
    wrap_up: 5s
    agents: {count: 3}

    """

    @Test func settingsReachTheModel() throws {
        let scenario = try SimTest.scenario(Self.base + """
        queues:
          general: {strategy: fewest-calls, wrap_up: 12s, max_wait: 10m, callback_max_attempts: 5, join_empty: strict,
                    hours: "mon-fri 09:00-17:00", time_zone: Europe/London, holidays: [2026-12-25, 2026-11-24]}
        """)
        let model = try SimulationModel(scenario: scenario, program: nil)
        let s = try #require(model.queueSettings.first)
        #expect(s.name == "general" && s.strategy == .fewestCalls && s.wrapUp == 12 && s.maxWait == 600)
        #expect(s.callbackMaxAttempts == 5 && s.joinEmpty == "strict" && s.holidays == ["2026-11-24", "2026-12-25"])
        #expect(s.announceFrequency == 0, "the queue manager does not announce in a simulation; the flow does")
        let config = s.queueConfig(schedule: model.schedules[0])
        #expect(config.strategy == .fewestCalls && config.wrapUp == 12 && config.joinEmpty == .strict)
        // Callback hours are the queue's own, with its holidays: Monday 10:00 open, Tuesday (a holiday) closed.
        #expect(model.schedules[0].isOpen(at: 10 * 3600))
        #expect(!model.schedules[0].isOpen(at: 86_400 + 10 * 3600))
        let opens = try #require(model.schedules[0].nextOpening(after: 86_400 + 10 * 3600))
        #expect(abs(opens - (2 * 86_400 + 9 * 3600)) < 0.001, "Wednesday 09:00: \(opens)")
    }

    @Test func defaultsAreTheSimulatorsOwn() throws {
        let model = try SimulationModel(scenario: try SimTest.scenario(Self.base), program: nil)
        let s = try #require(model.queueSettings.first)
        #expect(s.strategy == .longestIdle && s.wrapUp == 5 && s.maxWait == 0)
        #expect(model.schedules[0] is AlwaysOpen)
    }

    @Test func badSettingsAreLocatedErrors() throws {
        do {
            _ = try SimTest.scenario(Self.base + """
            queues:
              general:
                strategy: fastest
                join_empty: sometimes
                hours: "weekdays 9-5"
                holidays: [2026-13-01]
                time_zone: Mars/Base
            """)
            Issue.record("bad settings were accepted")
        } catch let errors as ScenarioErrors {
            let lines = errors.errors.map(\.description)
            #expect(lines.contains("test.yaml:9:15: error: queues.general.strategy: unknown strategy 'fastest'; valid: "
                                   + "longest-idle, round-robin, fewest-calls, least-talk-time, linear, random, skills, ring-all"),
                    "\(lines)")
            #expect(lines.contains { $0.hasPrefix("test.yaml:10:") && $0.contains("join_empty: 'sometimes'") }, "\(lines)")
            #expect(lines.contains { $0.hasPrefix("test.yaml:11:") && $0.contains("queues.general.hours:") }, "\(lines)")
            #expect(lines.contains { $0.hasPrefix("test.yaml:12:") && $0.contains("'2026-13-01' is not a date") }, "\(lines)")
            #expect(lines.contains { $0.hasPrefix("test.yaml:13:") && $0.contains("unknown time zone 'Mars/Base'") }, "\(lines)")
        }
    }

    /// Every answered call is one agent's; the agents' staffed and busy time add up to the run's.
    @Test(arguments: ["longest-idle", "round-robin", "ring-all", "linear"])
    func perAgentFiguresAddUp(_ strategy: String) throws {
        let stats = try SimTest.stats(Self.base + "queues: {general: {strategy: \(strategy)}}\n")
        #expect(stats.agents.map(\.id) == ["agents-1", "agents-2", "agents-3"])
        #expect(stats.agents.map(\.calls).reduce(0, +) == stats.total.answered)
        let staffed = stats.agents.map(\.staffed).reduce(0, +), busy = stats.agents.map(\.busy).reduce(0, +)
        #expect(abs(staffed - stats.staffed.totalArea) < 1e-6 * staffed)
        #expect(abs(busy - stats.busy.totalArea) < 1e-6 * max(1, busy))
        let talk = stats.agents.map(\.talk).reduce(0, +)
        #expect(talk > 0 && talk <= busy)
    }

    @Test func ringAllSpreadsCallsWhereLinearDoesNot() throws {
        let linear = try SimTest.stats(Self.base + "queues: {general: {strategy: linear}}\n").agents.map(\.calls)
        let ringAll = try SimTest.stats(Self.base + "queues: {general: {strategy: ring-all}}\n").agents.map(\.calls)
        #expect(linear[0] > 2 * linear[2], "\(linear)")
        #expect(ringAll.min()! * 2 > ringAll.max()!, "ring-all: the first to answer is any of the idle agents: \(ringAll)")
    }

    /// The report averages each agent over replications.
    @Test func theReportHasOneRowPerAgent() throws {
        let report = try SimTest.run(Self.base + "queues: {general: {strategy: round-robin}}\n", replications: 2)
        #expect(report.agents.map(\.id) == ["agents-1", "agents-2", "agents-3"])
        #expect(abs(report.agents.map(\.calls).reduce(0, +) - report.answered) < 1e-9)
        #expect(report.agents.allSatisfy { $0.occupancy > 0 && $0.occupancy < 1 && $0.staffedSeconds == 86_400 })
    }
}
