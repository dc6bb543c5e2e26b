import CallQueue
import Foundation
import Testing
@testable import Storage

/// Every queue setting lives in the store; `updateQueueSettings` checks the whole before writing.
@Suite struct QueueSettingsStoreTests {
    @Test func settingsAreStoredAndReadBack() throws {
        let dir = TestDataDirectory()
        try dir.open().updateQueueSettings("orders") {
            $0.strategy = .ringAll
            $0.wrapUp = 10
            $0.maxWait = 900
            $0.ringTimeout = 20
            $0.joinEmpty = "strict"
            $0.holidays = ["2026-12-31"]
        }
        let settings = try dir.open().queue(named: "orders").settings       // another connection, as another process
        #expect(settings.strategy == .ringAll && settings.wrapUp == 10 && settings.maxWait == 900)
        #expect(settings.ringTimeout == 20 && settings.joinEmpty == "strict" && settings.holidays == ["2026-12-31"])
        let config = try dir.open().queue(named: "orders").queueConfig()
        #expect(config.strategy == .ringAll && config.wrapUp == 10 && config.maxWait == 900 && config.joinEmpty == .strict)
        #expect(try dir.open().queue(named: "general").settings.strategy == .longestIdle)
    }

    @Test func badSettingsAreRefusedAndNothingChanges() throws {
        let store = try TestDataDirectory().open()
        let before = try store.queue(named: "orders")
        #expect(throws: StoreError.self) { try store.updateQueueSettings("orders") { $0.wrapUp = -1 } }
        #expect(throws: StoreError.self) { try store.updateQueueSettings("orders") { $0.leaveWhenEmpty = "maybe" } }
        #expect(throws: StoreError.self) { try store.updateQueueSettings("orders") { $0.holidays = ["25/12/2026"] } }
        #expect(throws: StoreError.self) { try store.updateQueueSettings("shoes") { $0.wrapUp = 1 } }
        #expect(try store.queue(named: "orders") == before)
    }

    /// The default queues are closed on the line's bank holidays: a callback asked for on
    /// Christmas Eve evening is due at the next real opening.
    @Test func afterHoursCallbacksSkipBankHolidays() throws {
        let store = try TestDataDirectory().open()
        let eve = try Date("2026-12-24T18:00:00Z", strategy: .iso8601)
        let general = try store.requestCallback(CallbackRequest(number: try PhoneNumber(parsing: "020 7946 0001"),
                                                                queue: "general"), now: eve)
        let payments = try store.requestCallback(CallbackRequest(number: try PhoneNumber(parsing: "020 7946 0002"),
                                                                 queue: "payments"), now: eve)
        // Friday 25th is Christmas Day; the line opens on Saturday 26th, 10:00.
        #expect(general.callback.due == (try Date("2026-12-26T10:00:00Z", strategy: .iso8601)))
        // Payments works weekdays: Monday 28th is the Boxing Day substitute, so Tuesday 29th, 09:00.
        #expect(payments.callback.due == (try Date("2026-12-29T09:00:00Z", strategy: .iso8601)))
    }

    /// The store (`ivr callback next`) and the queue manager (simulated) give the same callbacks in
    /// the same order (`CallbackRules.servedBefore`), whatever the agent's levels.
    @Test func storeAndManagerServeCallbacksInTheSameOrder() throws {
        let store = try TestDataDirectory().open()
        let t0 = TestTime.tuesday10
        let requests: [(String, String, CallbackSource, Double?, Double)] = [
            ("020 7946 0001", "general", .manual, nil, 0),
            ("020 7946 0002", "payments", .manual, nil, 10),
            ("020 7946 0003", "general", .queue, -100, 20),
            ("020 7946 0004", "payments", .voicemail, nil, 30),
            ("020 7946 0005", "general", .queue, 5, 40),
        ]
        var manager = try QueueManager(queues: ["general", "payments"].map { QueueConfig(name: $0) })
        let agent = try manager.addAgent(AgentConfig(id: "alice", skills: [Skill(queue: "payments", level: 1),
                                                                            Skill(queue: "general", level: 2)],
                                                     hasStation: false))
        try manager.login(agent, at: t0.timeIntervalSince1970)
        try store.addAgent(id: "alice", name: "Alice", skills: [AgentSkill(agentID: "alice", queue: "payments", level: 1),
                                                                 AgentSkill(agentID: "alice", queue: "general", level: 2)],
                           now: t0)
        try store.setAgentState("alice", to: .available, now: t0)
        for (text, queue, source, joined, at) in requests {
            let number = try PhoneNumber(parsing: text)
            _ = try store.requestCallback(CallbackRequest(number: number, queue: queue, source: source,
                                                          joinedAt: joined.map { t0.addingTimeInterval($0) }),
                                          now: t0.addingTimeInterval(at))
            _ = try manager.requestCallback(number: number.e164, queue: manager.queue(named: queue), source: source,
                                            joinedAt: joined.map { t0.timeIntervalSince1970 + $0 },
                                            at: t0.timeIntervalSince1970 + at)
        }
        var fromStore: [String] = [], fromManager: [String] = []
        let later = t0.addingTimeInterval(60)
        while let r = try store.reserveNextCallback(agent: "alice", now: later) {
            fromStore.append(r.callback.number)
            _ = try store.finishCallback(r.callback.id!, outcome: .reached, agent: "alice", now: later)
        }
        while let cb = try manager.reserveNextCallback(for: agent, at: later.timeIntervalSince1970) {
            fromManager.append(cb.number)
            _ = try manager.reportOutcome(agent, .reached, at: later.timeIntervalSince1970)
        }
        #expect(fromStore == ["+442079460003", "+442079460001", "+442079460005", "+442079460002", "+442079460004"])
        #expect(fromManager == fromStore)
    }
}
