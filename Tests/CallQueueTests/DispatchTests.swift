import Testing
@testable import CallQueue

@Suite struct DispatchTests {
    @Test func theOldestCallerAcrossQueuesIsServedFirst() throws {
        var m = try makeManager(queues: [QueueConfig(name: "a"), QueueConfig(name: "b")],
                                agents: [AgentConfig(id: "x", skills: [Skill(queue: "a"), Skill(queue: "b")])], login: false)
        _ = try m.joinOK(1, "b", at: 1)
        _ = try m.joinOK(2, "a", at: 2)
        try m.login(m.agent(id: "x"), at: 3)
        #expect(m.drain(at: 3).compactMap(\.offer).map(\.call) == [CallID(1)])
    }

    @Test func callbackOnlyAgentsTakeCallbacksAndNeverLiveCallers() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q")],
                                agents: [AgentConfig(id: "desk", skills: [Skill(queue: "q")], hasStation: false),
                                         AgentConfig(id: "phone", skills: [Skill(queue: "q")])], login: false)
        let q = try m.queue(named: "q")
        _ = try m.requestCallback(number: "+1555", queue: q, source: .manual, at: 0)
        _ = try m.joinOK(1, at: 1)
        try m.login(m.agent(id: "desk"), at: 2)
        try m.login(m.agent(id: "phone"), at: 2)
        var got: [String] = []
        for out in m.drain(at: 2) {
            switch out {
            case .offer(let o): got.append("\(m.id(o.agent)) c\(o.call.raw)")
            case .callback(let c): got.append("\(m.id(c.agent)) \(m.callback(c.id)!.number)")
            default: Issue.record("unexpected \(out)")
            }
        }
        #expect(got.sorted() == ["desk +1555", "phone c1"])
        _ = try m.joinOK(2, at: 3)
        try m.reportOutcome(m.agent(id: "desk"), .reached, at: 4)
        #expect(m.drain(at: 4).isEmpty)               // desk has no station: caller 2 waits for phone
    }

    @Test func statusCountsWaitingCallbacksAndAgents() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q")], agents: agents(2))
        try m.pause(m.agent(id: "a2"), at: 0)
        _ = try m.routeOne(1, at: 0)
        _ = try m.joinOK(2, at: 5)
        _ = try m.requestCallback(number: "+1555", queue: m.queue(named: "q"), source: .manual, at: 6)
        let s = try #require(m.status(at: 20).first)
        #expect(s.name == "q" && s.waiting == 1 && s.oldestWait == 15)
        #expect(s.callbacksDue == 1 && s.callbacksScheduled == 0)
        #expect(s.agents.onCall == 1 && s.agents.onBreak == 1)
        #expect(m.agentStatus().map(\.state) == [.onCall, .onBreak])
    }
}
