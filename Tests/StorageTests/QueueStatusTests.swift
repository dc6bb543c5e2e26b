import CallQueue
import Foundation
import Testing
@testable import Storage

@Suite struct QueueStatusTests {
    @Test func countsCallbacksAndAgentsPerQueue() throws {
        let store = try TestDataDirectory().open()
        try store.addAgent(id: "alice", name: "Alice", skills: try AgentSkill.parse("orders:1", agentID: "alice"),
                           now: TestTime.tuesday10)
        try store.addAgent(id: "bob", name: "Bob", skills: [], now: TestTime.tuesday10)
        try store.setAgentState("alice", to: .available, now: TestTime.tuesday10)
        for text in ["020 7946 0001", "020 7946 0002", "020 7946 0003"] {
            _ = try store.requestCallback(CallbackRequest(number: try PhoneNumber(parsing: text), queue: "orders"),
                                          now: TestTime.tuesday10)
        }
        try store.setAgentState("bob", to: .available, now: TestTime.tuesday10)
        _ = try store.reserveNextCallback(agent: "alice", now: TestTime.tuesday10)
        let second = try #require(try store.reserveNextCallback(agent: "bob", now: TestTime.tuesday10))
        _ = try store.finishCallback(second.callback.id!, outcome: .noAnswer, now: TestTime.at(1))
        let statuses = try store.queueStatus(now: TestTime.at(2))
        let orders = try #require(statuses.first { $0.queue == "orders" })
        #expect(orders.open)
        #expect(orders.callbacksReserved == 1)
        #expect(orders.callbacksDue == 1)
        #expect(orders.callbacksScheduled == 1)
        #expect(orders.agents["on-call"] == 1)
        #expect(orders.agents["available"] == 1)
        #expect(orders.agents["logged-out"] == 0)
        let payments = try #require(statuses.first { $0.queue == "payments" })
        #expect(payments.agents["available"] == 1)
        #expect(payments.agents["on-call"] == 0)
        #expect(payments.callbacksDue + payments.callbacksScheduled + payments.callbacksReserved == 0)
    }
}
