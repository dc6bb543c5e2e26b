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
        #expect(again.id == cb.id && m.id(again.agent) == "a2" && again.reservedUntil == 130)
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

    @Test func restoredCallbacksKeepTheirIdsAndPlaces() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q")], agents: agents(1))
        let q = try m.queue(named: "q")
        let stored = Callback(id: CallbackID(41), number: "+1555", queue: q, source: .queue, requestedAt: 5,
                              placeKey: 2, placeSeq: 9, notBefore: 5, attempts: 1, status: .reserved,
                              reservedBy: AgentHandle(0), reservedUntil: 50)
        try m.restoreCallback(stored, at: 10)
        #expect(m.callback(CallbackID(41))?.status == .pending)
        let next = try m.requestCallback(number: "+1666", queue: q, source: .manual, at: 11)
        #expect(next.callback.id == CallbackID(42))
        #expect(try m.reserveNextCallback(for: m.agent(id: "a1"), at: 12)?.id == CallbackID(41))
    }

    @Test func cancellingClosesAPendingCallbackOnly() throws {
        var (m, q) = try setup()
        let other = try m.requestCallback(number: "+1777", queue: q, source: .manual, at: 1).callback.id
        try m.cancelCallback(other, at: 2)
        #expect(m.callback(other)?.status == .closed && m.callback(other)?.lastOutcome == .cancelled)
        let first = try #require(try m.reserveNextCallback(for: m.agent(id: "a1"), at: 3))
        #expect(throws: QueueError.wrongCallbackStatus(first.id, .reserved, input: "cancel")) {
            try m.cancelCallback(first.id, at: 4)
        }
        #expect(try m.reserveNextCallback(for: m.agent(id: "a2"), at: 5) == nil)
    }
}
