import Testing
@testable import CallQueue

@Suite struct EmptyQueueTests {
    @Test func joinEmptyRefusesWhenNobodyIsReady() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q", joinEmpty: .noOneReady)], agents: agents(2), login: false)
        let q = try m.queue(named: "q")
        #expect(try m.join(call: CallID(1), queue: q, at: 0) == .refusedEmpty)
        try m.login(m.agent(id: "a1"), at: 1)
        try m.pause(m.agent(id: "a1"), at: 2)
        #expect(try m.join(call: CallID(2), queue: q, at: 3) == .refusedEmpty)
        try m.ready(m.agent(id: "a1"), at: 4)
        _ = try m.routeOne(3, at: 5)                   // a1 busy now: busy is not empty
        guard case .joined = try m.join(call: CallID(4), queue: q, at: 6) else { Issue.record("refused"); return }
    }

    @Test func defaultJoinsEvenWithNoAgents() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q")], agents: [])
        guard case .joined = try m.join(call: CallID(1), queue: m.queue(named: "q"), at: 0) else {
            Issue.record("refused"); return
        }
    }

    @Test func leaveWhenEmptyRemovesWaitingCallers() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q", leaveWhenEmpty: .noOneReady)], agents: agents(1))
        let a1 = try m.agent(id: "a1")
        _ = try m.routeOne(1, at: 0)
        _ = try m.joinOK(2, at: 1)
        _ = try m.joinOK(3, at: 2)
        try m.logout(a1, at: 3)                        // pending: still on a call
        #expect(m.drain(at: 3).isEmpty)
        try m.complete(a1, by: .agent, at: 10)         // now logged out: the queue is empty
        let removed = m.drain(at: 10)
        #expect(removed == [.removed(CallerRemoval(call: CallID(2), queue: QueueHandle(0), waited: 9)),
                            .removed(CallerRemoval(call: CallID(3), queue: QueueHandle(0), waited: 8))])
        #expect(m.status(at: 10)[0].waiting == 0)
    }

    @Test func asteriskWordsParse() {
        #expect(EmptyConditions(asterisk: "yes") == .never)
        #expect(EmptyConditions(asterisk: "no") == .noOneReady)
        #expect(EmptyConditions(asterisk: "paused, inuse") == [.paused, .inUse])
        #expect(EmptyConditions(asterisk: "sometimes") == nil)
        #expect(MemberCounts().isEmpty(under: .noOneReady))
        #expect(!MemberCounts().isEmpty(under: .never))
    }
}
