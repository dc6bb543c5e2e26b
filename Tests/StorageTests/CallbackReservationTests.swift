import CallQueue
import Foundation
import Testing
@testable import Storage

/// Reservation, timeout, retries, attempt limits, hours and skills.
@Suite struct CallbackReservationTests {
    typealias Support = CallbackStoreTests

    @Test func aLapsedReservationReturnsToThePool() throws {
        let store = try Support.storeWithAgent()
        try store.addAgent(id: "bob", name: "Bob", skills: [], now: TestTime.tuesday10)
        try store.setAgentState("bob", to: .available, now: TestTime.tuesday10)
        let id = try store.requestCallback(CallbackRequest(number: Support.number("020 7946 0018")), now: TestTime.tuesday10)
            .callback.id!
        let first = try #require(try store.reserveNextCallback(agent: "alice", now: TestTime.tuesday10))
        #expect(first.callback.id == id)
        #expect(first.callback.reservedUntil == TestTime.at(StoreDefaults.reservationTimeout))
        // Alive: nobody else gets it; alice gets the same one again.
        #expect(try store.reserveNextCallback(agent: "bob", now: TestTime.at(599)) == nil)
        #expect(try store.reserveNextCallback(agent: "alice", now: TestTime.at(599))?.resumed == true)
        // Lapsed: bob gets it, attempts unchanged.
        let second = try #require(try store.reserveNextCallback(agent: "bob", now: TestTime.at(600)))
        #expect(second.callback.id == id)
        #expect(!second.resumed)
        #expect(second.callback.attempts == 0)
        #expect(second.callback.reservedBy == "bob")
        #expect(try store.agent("alice").state == .available)
        #expect(try store.agent("bob").state == .onCall)
        // Bob's reservation lapses too; when he asks again he gets it afresh and is on a call.
        let third = try #require(try store.reserveNextCallback(agent: "bob", now: TestTime.at(1200)))
        #expect(third.callback.id == id && !third.resumed)
        #expect(try store.agent("bob").state == .onCall)
    }

    @Test func retriesAfterTheDelayUntilAttemptsRunOut() throws {
        let store = try Support.storeWithAgent()
        let id = try store.requestCallback(CallbackRequest(number: Support.number("020 7946 0018")), now: TestTime.tuesday10)
            .callback.id!
        var now = TestTime.tuesday10
        for attempt in 1...3 {
            let reservation = try #require(try store.reserveNextCallback(agent: "alice", now: now))
            #expect(reservation.callback.id == id)
            let result = try store.finishCallback(id, outcome: attempt == 2 ? .busy : .noAnswer, now: now)
            #expect(result.callback.attempts == attempt)
            #expect(result.retryScheduled == (attempt < 3))
            if attempt < 3 {
                #expect(result.callback.due == now.addingTimeInterval(StoreDefaults.retryDelay))
                #expect(try store.reserveNextCallback(agent: "alice", now: now.addingTimeInterval(StoreDefaults.retryDelay - 1)) == nil)
                now = now.addingTimeInterval(StoreDefaults.retryDelay)
            }
        }
        let closed = try store.callback(id)
        #expect(closed.status == .closed)
        #expect(closed.outcome == .noAnswer)
        #expect(try store.attempts(of: id).map(\.outcome) == [.noAnswer, .busy, .noAnswer])
        #expect(try store.reserveNextCallback(agent: "alice", now: now.addingTimeInterval(86_400)) == nil)
        #expect(try store.agent("alice").state == .available)
    }

    @Test func aRetryRejoinsTheLineWhenDueAndAskingAgainBringsItForward() throws {
        let store = try Support.storeWithAgent()
        let first = try store.requestCallback(CallbackRequest(number: Support.number("020 7946 0001")), now: TestTime.tuesday10)
            .callback.id!
        _ = try store.reserveNextCallback(agent: "alice", now: TestTime.tuesday10)
        _ = try store.finishCallback(first, outcome: .noAnswer, now: TestTime.at(60))   // retry due at 10:11
        let second = try store.requestCallback(CallbackRequest(number: Support.number("020 7946 0002")), now: TestTime.at(120))
            .callback.id!
        // At 10:15 both are due: the request made at 10:02 is ahead of the retry that rejoined at 10:11.
        let order = try (0..<2).map { _ -> Int64 in
            let reservation = try #require(try store.reserveNextCallback(agent: "alice", now: TestTime.at(900)))
            _ = try store.finishCallback(reservation.callback.id!, outcome: .busy, now: TestTime.at(900))
            return reservation.callback.id!
        }
        #expect(order == [second, first])
        // The customer asks again while the retry waits: it is due at once.
        let merged = try store.requestCallback(CallbackRequest(number: Support.number("020 7946 0001")), now: TestTime.at(960))
        #expect(merged.merged)
        #expect(merged.callback.due == TestTime.at(960))
        #expect(try store.reserveNextCallback(agent: "alice", now: TestTime.at(960))?.callback.id == first)
    }

    @Test func wrongNumberAndReachedCloseAtOnce() throws {
        let store = try Support.storeWithAgent()
        for (text, outcome) in [("020 7946 0001", CallbackOutcome.wrongNumber), ("020 7946 0002", .reached)] {
            let id = try store.requestCallback(CallbackRequest(number: Support.number(text)), now: TestTime.tuesday10).callback.id!
            _ = try store.reserveNextCallback(agent: "alice", now: TestTime.tuesday10)
            let result = try store.finishCallback(id, outcome: outcome, note: "n", now: TestTime.at(5))
            #expect(!result.retryScheduled)
            #expect(result.callback.status == .closed)
            #expect(result.callback.attempts == 1)
        }
    }

    @Test func closedQueuesAreNotServedAndAfterHoursRequestsWaitForOpening() throws {
        let store = try Support.storeWithAgent()
        // Payments opens 09:00-17:30 Monday to Friday. Tuesday 18:00 London (= UTC in November).
        let evening = TestTime.at(8 * 3600)
        let id = try store.requestCallback(CallbackRequest(number: Support.number("020 7946 0018"), queue: "payments"), now: evening)
            .callback.id!
        let wednesday9 = TestTime.at(23 * 3600)
        #expect(try store.callback(id).due == wednesday9)
        #expect(try store.reserveNextCallback(agent: "alice", now: TestTime.at(23 * 3600 - 1)) == nil)
        // A callback due during hours is held while the queue is closed.
        try store.updateQueue("orders", hours: "mon-fri 08:00-09:00")
        _ = try store.requestCallback(CallbackRequest(number: Support.number("020 7946 0019"), queue: "orders"),
                                      now: TestTime.at(-3600))
        #expect(try store.reserveNextCallback(agent: "alice", now: wednesday9)?.callback.id == id)
    }

    @Test func theInitialDelayHoldsANewCallbackBack() throws {
        let store = try Support.storeWithAgent()
        try store.updateQueue("general", initialDelay: 120)
        let callback = try store.requestCallback(CallbackRequest(number: Support.number("020 7946 0018")), now: TestTime.tuesday10)
        #expect(callback.callback.due == TestTime.at(120))
        #expect(try store.reserveNextCallback(agent: "alice", now: TestTime.at(119)) == nil)
        #expect(try store.reserveNextCallback(agent: "alice", now: TestTime.at(120))?.callback.id == callback.callback.id)
    }

    /// Only the agent's queues, and by place whatever the level (`CallbackRules.servedBefore`, the
    /// queue manager's order too): the older orders callback first, though orders is level 2.
    @Test func agentsGetOnlyTheirQueuesInPlaceOrderWhateverTheLevel() throws {
        let store = try Support.storeWithAgent(skills: "payments:1,orders:2")
        let order = try store.requestCallback(CallbackRequest(number: Support.number("020 7946 0001"), queue: "orders"),
                                              now: TestTime.tuesday10).callback.id!
        _ = try store.requestCallback(CallbackRequest(number: Support.number("020 7946 0002"), queue: "returns"),
                                      now: TestTime.tuesday10)
        let payment = try store.requestCallback(CallbackRequest(number: Support.number("020 7946 0003"), queue: "payments"),
                                                now: TestTime.at(60)).callback.id!
        var served: [Int64?] = []
        while let reservation = try store.reserveNextCallback(agent: "alice", now: TestTime.at(120)) {
            served.append(reservation.callback.id)
            _ = try store.finishCallback(reservation.callback.id!, outcome: .reached, now: TestTime.at(120))
        }
        #expect(served == [order, payment])
    }

    @Test func agentsWhoAreOutOrOnBreakCannotReserve() throws {
        let store = try Support.storeWithAgent()
        _ = try store.requestCallback(CallbackRequest(number: Support.number("020 7946 0018")), now: TestTime.tuesday10)
        try store.setAgentState("alice", to: .onBreak, now: TestTime.tuesday10)
        #expect(throws: StoreError.agentCannotWork("alice", "on-break")) {
            try store.reserveNextCallback(agent: "alice", now: TestTime.tuesday10)
        }
        #expect(throws: StoreError.unknownAgent("zed")) { try store.reserveNextCallback(agent: "zed", now: TestTime.tuesday10) }
        #expect(try store.callbacks().first?.status == .pending)
        try store.setAgentState("alice", to: .available, now: TestTime.tuesday10)
        #expect(try store.reserveNextCallback(agent: "alice", now: TestTime.tuesday10) != nil)
        #expect(try store.agent("alice").state == .onCall)
    }

    /// Eight agents, each with its own connections (as separate processes have), drain 500
    /// callbacks at once: every callback is served exactly once.
    @Test func eightAgentsDrainFiveHundredCallbacksEachExactlyOnce() throws {
        let dir = TestDataDirectory()
        let setup = try dir.open()
        for index in 0..<500 {
            let number = try PhoneNumber(parsing: "020 7946 \(String(format: "%04d", index))")
            _ = try setup.requestCallback(CallbackRequest(number: number), now: TestTime.tuesday10)
        }
        for agent in 0..<8 {
            try setup.addAgent(id: "a\(agent)", name: "Agent \(agent)", skills: [], now: TestTime.tuesday10)
            try setup.setAgentState("a\(agent)", to: .available, now: TestTime.tuesday10)
        }
        let served = ServedLog()
        let threads = (0..<8).map { agent in
            Thread {
                do {
                    let store = try dir.open()
                    while let reservation = try store.reserveNextCallback(agent: "a\(agent)", now: TestTime.at(1)) {
                        served.add(reservation.callback.id!)
                        _ = try store.finishCallback(reservation.callback.id!, outcome: .reached, agent: "a\(agent)",
                                                     now: TestTime.at(1))
                    }
                } catch {
                    served.fail(error)
                }
                served.finished()
            }
        }
        threads.forEach { $0.start() }
        served.waitForAll(8)
        #expect(served.errors.isEmpty)
        #expect(served.ids.count == 500)
        #expect(Set(served.ids).count == 500)
        #expect(try setup.callbacks().isEmpty)
        #expect(try setup.callbacks(includeClosed: true).allSatisfy { $0.attempts == 1 && $0.outcome == .reached })
    }
}

/// Thread-safe record of what the concurrent agents served.
final class ServedLog: @unchecked Sendable {
    private let condition = NSCondition()
    private var storage: [Int64] = []
    private var failures: [String] = []
    private var done = 0

    func add(_ id: Int64) { condition.withLock { storage.append(id) } }
    func fail(_ error: Error) { condition.withLock { failures.append(String(describing: error)) } }
    func finished() { condition.withLock { done += 1; condition.broadcast() } }
    func waitForAll(_ count: Int) { condition.withLock { while done < count { condition.wait() } } }
    var ids: [Int64] { condition.withLock { storage } }
    var errors: [String] { condition.withLock { failures } }
}
