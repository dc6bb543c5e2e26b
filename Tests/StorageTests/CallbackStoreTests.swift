import CallQueue
import Foundation
import Testing
@testable import Storage

/// Requests, merging, keep-your-place order and bad input.
@Suite struct CallbackStoreTests {
    static func number(_ text: String) -> PhoneNumber { try! PhoneNumber(parsing: text) }

    static func storeWithAgent(_ dir: TestDataDirectory = TestDataDirectory(), skills: String? = nil) throws -> Store {
        let store = try dir.open()
        let parsed = try skills.map { try AgentSkill.parse($0, agentID: "alice") } ?? []
        try store.addAgent(id: "alice", name: "Alice", skills: parsed, now: TestTime.tuesday10)
        try store.setAgentState("alice", to: .available, now: TestTime.tuesday10)
        return store
    }

    @Test func requestRoundTrip() throws {
        let store = try TestDataDirectory().open()
        let result = try store.requestCallback(
            CallbackRequest(number: Self.number("07700 900123"), queue: "payments", topic: "refund", source: .voicemail,
                            voicemailID: 7), now: TestTime.tuesday10)
        #expect(!result.merged)
        let stored = try store.callback(result.callback.id!)
        #expect(stored == result.callback)
        #expect(stored.number == "+447700900123")
        #expect(stored.queue == "payments")
        #expect(stored.source == .voicemail)
        #expect(stored.status == .pending)
        #expect(stored.due == TestTime.tuesday10)
        #expect(stored.maxAttempts == 3)
        #expect(stored.voicemailID == 7)
    }

    @Test func secondRequestFromTheSameNumberMerges() throws {
        let store = try TestDataDirectory().open()
        let first = try store.requestCallback(CallbackRequest(number: Self.number("020 7946 0018"), queue: "orders"),
                                              now: TestTime.at(100))
        let second = try store.requestCallback(
            CallbackRequest(number: Self.number("+44 20 7946 0018"), queue: "returns", topic: "wrong size", source: .queue,
                            joinedAt: TestTime.at(40)), now: TestTime.at(200))
        #expect(second.merged)
        #expect(second.callback.id == first.callback.id)
        #expect(second.callback.joinedAt == TestTime.at(40))
        #expect(second.callback.queue == "orders")
        #expect(second.callback.topic == "wrong size")
        #expect(second.callback.notes.contains("merged a second request (queue: returns/wrong size)"))
        #expect(try store.callbacks().count == 1)
    }

    @Test func aClosedCallbackDoesNotAbsorbANewRequest() throws {
        let store = try Self.storeWithAgent()
        let first = try store.requestCallback(CallbackRequest(number: Self.number("020 7946 0018")), now: TestTime.tuesday10)
        _ = try store.finishCallback(first.callback.id!, outcome: .cancelled, now: TestTime.at(1))
        let again = try store.requestCallback(CallbackRequest(number: Self.number("020 7946 0018")), now: TestTime.at(2))
        #expect(!again.merged)
        #expect(again.callback.id != first.callback.id)
    }

    @Test func keepYourPlaceOrdersByJoinTimeNotRequestTime() throws {
        let store = try Self.storeWithAgent()
        // Joined at 10:00:30, asked for a callback from the queue at 10:05.
        let early = try store.requestCallback(
            CallbackRequest(number: Self.number("020 7946 0001"), queue: "orders", source: .queue, joinedAt: TestTime.at(30)),
            now: TestTime.at(300))
        // Joined and asked at 10:01 (after the first caller joined, before they asked).
        let later = try store.requestCallback(CallbackRequest(number: Self.number("020 7946 0002"), queue: "orders"),
                                              now: TestTime.at(60))
        // Joined at 10:00:10: ahead of both.
        let earliest = try store.requestCallback(
            CallbackRequest(number: Self.number("020 7946 0003"), queue: "orders", source: .queue, joinedAt: TestTime.at(10)),
            now: TestTime.at(310))
        var served: [Int64?] = []
        for second in 0..<3 {
            let reservation = try #require(try store.reserveNextCallback(agent: "alice", now: TestTime.at(400 + Double(second))))
            served.append(reservation.callback.id)
            _ = try store.finishCallback(reservation.callback.id!, outcome: .reached, now: TestTime.at(400 + Double(second)))
        }
        #expect(served == [earliest.callback.id, early.callback.id, later.callback.id])
        #expect(try store.callbacks().map(\.id) == [])
    }

    @Test func unknownQueueChangesNothing() throws {
        let store = try TestDataDirectory().open()
        #expect(throws: StoreError.unknownQueue("shoes", valid: ["general", "orders", "payments", "returns"])) {
            try store.requestCallback(CallbackRequest(number: Self.number("020 7946 0018"), queue: "shoes"), now: TestTime.tuesday10)
        }
        #expect(try store.callbacks(includeClosed: true).isEmpty)
    }

    @Test func finishingRefusesWhatItShouldAndChangesNothing() throws {
        let store = try Self.storeWithAgent()
        try store.addAgent(id: "bob", name: "Bob", skills: [], now: TestTime.tuesday10)
        let id = try store.requestCallback(CallbackRequest(number: Self.number("020 7946 0018")), now: TestTime.tuesday10)
            .callback.id!
        let before = try store.callback(id)
        #expect(throws: StoreError.callbackNotReserved(id)) { try store.finishCallback(id, outcome: .reached, now: TestTime.at(1)) }
        #expect(throws: StoreError.unknownCallback(999)) { try store.finishCallback(999, outcome: .reached, now: TestTime.at(1)) }
        _ = try store.reserveNextCallback(agent: "alice", now: TestTime.at(2))
        #expect(throws: StoreError.callbackReservedByOther(id, "alice")) {
            try store.finishCallback(id, outcome: .reached, agent: "bob", now: TestTime.at(3))
        }
        #expect(throws: StoreError.unknownAgent("zed")) {
            try store.finishCallback(id, outcome: .reached, agent: "zed", now: TestTime.at(3))
        }
        var reserved = before
        reserved.status = .reserved
        reserved.reservedBy = "alice"
        reserved.reservedUntil = TestTime.at(2 + StoreDefaults.reservationTimeout)
        #expect(try store.callback(id) == reserved)
        #expect(try store.attempts(of: id).isEmpty)
        _ = try store.finishCallback(id, outcome: .reached, agent: "alice", note: "sorted", now: TestTime.at(4))
        #expect(throws: StoreError.callbackClosed(id)) { try store.finishCallback(id, outcome: .cancelled, now: TestTime.at(5)) }
        #expect(try store.attempts(of: id).map(\.outcome) == [.reached])
    }
}

/// Stored callbacks load into the queue manager with their place and due time.
@Suite struct CallbackManagerBridgeTests {
    @Test func storedCallbacksRestoreIntoTheQueueManager() throws {
        let store = try TestDataDirectory().open()
        let number = CallbackStoreTests.number("020 7946 0018")
        _ = try store.requestCallback(CallbackRequest(number: number, queue: "orders", source: .queue,
                                                      joinedAt: TestTime.at(-30)), now: TestTime.tuesday10)
        let merged = try store.requestCallback(CallbackRequest(number: number, queue: "orders"), now: TestTime.at(5)).callback
        let origin = TestTime.tuesday10.timeIntervalSince1970
        var manager = try QueueManager(queues: [QueueConfig(name: "orders")])
        let value = merged.managerCallback(queue: try manager.queue(named: "orders"), epochOffset: origin)
        #expect(value.placeKey == -30)
        #expect(value.notBefore == 0)
        #expect(value.requests == 2)
        #expect(value.source == .queue)
        try manager.restoreCallback(value, at: 10)
        #expect(manager.callback(CallbackID(UInt64(merged.id!)))?.number == "+442079460018")
    }
}
