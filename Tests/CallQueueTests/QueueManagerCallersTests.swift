import Testing
@testable import CallQueue

@Suite struct QueueManagerCallersTests {
    @Test func callersAreServedFirstComeFirstServed() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q")], agents: agents(1))
        let a1 = try m.agent(id: "a1")
        _ = try m.joinOK(1, at: 1)
        #expect(m.drain(at: 1).compactMap(\.offer).map(\.call) == [CallID(1)])
        try m.answer(a1, at: 2)
        _ = try m.joinOK(2, at: 3)
        _ = try m.joinOK(3, at: 4)
        #expect(m.drain(at: 4).isEmpty)
        try m.complete(a1, by: .caller, at: 10)
        #expect(m.drain(at: 10).compactMap(\.offer).map(\.call) == [CallID(2)])
        try m.answer(a1, at: 10)
        try m.complete(a1, by: .agent, at: 20)
        #expect(m.drain(at: 20).compactMap(\.offer).map(\.call) == [CallID(3)])
    }

    @Test func joinReportsPositionAndTimeout() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q", maxWait: 90)], agents: agents(1), login: false)
        let q = try m.queue(named: "q")
        guard case .joined(let first) = try m.join(call: CallID(1), queue: q, at: 5),
              case .joined(let second) = try m.join(call: CallID(2), queue: q, at: 6) else {
            Issue.record("refused"); return
        }
        #expect(first.position == 1)
        #expect(second.position == 2)
        #expect(second.timeoutAt == 96)
        try m.leave(first.ticket, reason: .abandon, at: 7)
        #expect(try m.position(of: second.ticket) == 1)
    }

    @Test func abandonedCallerIsNeverOffered() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q")], agents: agents(1), login: false)
        let t1 = try m.joinOK(1, at: 1)
        _ = try m.joinOK(2, at: 2)
        let waited = try m.leave(t1, reason: .abandon, at: 4)
        #expect(waited == 3)
        try m.login(try m.agent(id: "a1"), at: 5)
        #expect(m.drain(at: 5).compactMap(\.offer).map(\.call) == [CallID(2)])
        #expect(throws: QueueError.staleTicket) { try m.leave(t1, reason: .abandon, at: 6) }
    }

    @Test func leavingWhileRingingFreesTheAgentWithoutAMiss() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q")], agents: agents(1, maxNoAnswer: 1))
        let a1 = try m.agent(id: "a1")
        let t1 = try m.joinOK(1, at: 1)
        #expect(m.drain(at: 1).count == 1)
        #expect(try m.state(of: a1) == .ringing)
        try m.leave(t1, reason: .abandon, at: 3)
        #expect(try m.state(of: a1) == .available)
        _ = try m.joinOK(2, at: 4)
        #expect(m.drain(at: 4).compactMap(\.offer).map(\.call) == [CallID(2)])
    }

    @Test func unknownQueueIsAClearError() throws {
        let m = try makeManager(queues: [QueueConfig(name: "q")], agents: [])
        #expect(throws: QueueError.unknownQueue("nope")) { try m.queue(named: "nope") }
        #expect(QueueError.unknownQueue("nope").description.contains("nope"))
    }
}
