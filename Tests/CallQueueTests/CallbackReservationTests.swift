import Testing
@testable import CallQueue

@Suite struct CallbackReservationTests {
    private func setup(timeout: Double = 60) throws -> (QueueManager, QueueHandle) {
        var m = try makeManager(queues: [QueueConfig(name: "q", callbackPolicy: CallbackPolicy(reservationTimeout: timeout))],
                                agents: agents(2, maxNoAnswer: 0))
        let q = try m.queue(named: "q")
        _ = try m.requestCallback(number: "+15550100", queue: q, source: .manual, at: 0)
        return (m, q)
    }

    @Test func aReservationTimesOutAndReturnsToThePool() throws {
        var (m, _) = try setup()
        let a1 = try m.agent(id: "a1")
        let cb = try #require(try m.reserveNextCallback(for: a1, at: 10))
        #expect(cb.status == .reserved && cb.reservedUntil == 70)
        #expect(m.callback(cb.id)?.reservedBy == a1)
        #expect(m.nextWakeUp(after: 10) == 70)
        #expect(m.next(at: 69) == nil)
        #expect(m.next(at: 70) == .reservationExpired(id: cb.id, agent: a1))
        #expect(m.callback(cb.id)?.status == .pending)
        #expect(m.callback(cb.id)?.attempts == 0)
        // Back in the pool: the dispatcher hands it to a2 (idle longer than a1 now).
        guard case .callback(let again)? = m.next(at: 70) else { Issue.record("not re-offered"); return }
        #expect(again.callback.id == cb.id && m.id(again.agent) == "a2")
    }

    @Test func startingTheCallbackStopsTheTimer() throws {
        var (m, _) = try setup()
        let a1 = try m.agent(id: "a1")
        let cb = try #require(try m.reserveNextCallback(for: a1, at: 10))
        try m.answer(a1, at: 20)
        #expect(m.next(at: 500) == nil)
        #expect(m.callback(cb.id)?.status == .reserved)
        let result = try m.reportOutcome(a1, .reached, at: 600)
        #expect(result.next == .close)
        #expect(m.callback(cb.id)?.status == .closed)
    }

    @Test func neverReservedByTwoAgents() throws {
        var (m, _) = try setup()
        let a1 = try m.agent(id: "a1"), a2 = try m.agent(id: "a2")
        #expect(try m.reserveNextCallback(for: a1, at: 1) != nil)
        #expect(try m.reserveNextCallback(for: a2, at: 2) == nil)
        #expect(m.next(at: 3) == nil)
    }

    @Test func outcomeWithoutAReservationIsRefused() throws {
        var (m, _) = try setup()
        #expect(throws: QueueError.self) { try m.reportOutcome(m.agent(id: "a1"), .reached, at: 1) }
    }
}
