import Testing
@testable import CallQueue

@Suite struct RingAllTests {
    private func ringAll(_ n: Int) throws -> QueueManager {
        try makeManager(queues: [QueueConfig(name: "q", strategy: .ringAll)], agents: agents(n))
    }

    @Test func everyIdleMemberRingsForTheHeadCaller() throws {
        var m = try ringAll(3)
        _ = try m.joinOK(7, at: 1)
        let offers = m.drain(at: 1).compactMap(\.offer)
        #expect(offers.map { m.id($0.agent) } == ["a1", "a2", "a3"])
        #expect(Set(offers.map(\.call)) == [CallID(7)])
        for id in ["a1", "a2", "a3"] { #expect(try m.state(of: m.agent(id: id)) == .ringing) }
        #expect(m.ringingAgents(for: offers[0].ticket).count == 3)
    }

    @Test func firstToAnswerTakesTheCallAndTheOthersStopRinging() throws {
        var m = try ringAll(3)
        _ = try m.joinOK(7, at: 1)
        _ = m.drain(at: 1)
        try m.answer(m.agent(id: "a2"), at: 3)
        let out = m.drain(at: 3)
        #expect(out == [.ringStopped(call: CallID(7), agent: try m.agent(id: "a1")),
                        .ringStopped(call: CallID(7), agent: try m.agent(id: "a3"))])
        #expect(try m.state(of: m.agent(id: "a2")) == .onCall)
        #expect(try m.state(of: m.agent(id: "a1")) == .available)
        #expect(try m.state(of: m.agent(id: "a3")) == .available)
        // The freed members take the next caller (all of them ring again).
        _ = try m.joinOK(8, at: 4)
        #expect(m.drain(at: 4).compactMap(\.offer).map { m.id($0.agent) }.sorted() == ["a1", "a3"])
    }

    @Test func answeringBeforeTheOtherOffersAreHandedOutDropsThem() throws {
        var m = try ringAll(3)
        _ = try m.joinOK(7, at: 1)
        guard let first = m.next(at: 1)?.offer else { Issue.record("no offer"); return }
        try m.answer(first.agent, at: 1)     // as the simulator does: the chosen member answers at once
        #expect(m.drain(at: 1).isEmpty)
        #expect(try m.state(of: m.agent(id: "a2")) == .available)
        // A member whose own offer was not handed out yet may answer too (the simulator draws who).
        _ = try m.joinOK(8, at: 2)
        guard let next = m.next(at: 2)?.offer else { Issue.record("no offer"); return }
        let winner = m.ringingAgents(for: next.ticket).last!
        try m.answer(winner, at: 2)
        #expect(m.drain(at: 2) == [.ringStopped(call: CallID(8), agent: next.agent)], "no stale offer to the winner")
    }

    @Test func callerGoesBackOnlyWhenNobodyAnswers() throws {
        var m = try ringAll(2)
        let ticket = try m.joinOK(7, at: 1)
        _ = m.drain(at: 1)
        try m.notAnswered(m.agent(id: "a1"), at: 16)
        #expect(m.drain(at: 16).isEmpty)                  // a2 still rings; a1 is not offered again meanwhile
        #expect(try m.state(of: m.agent(id: "a2")) == .ringing)
        try m.notAnswered(m.agent(id: "a2"), at: 16)
        #expect(try m.position(of: ticket) == 1)
        #expect(m.drain(at: 16).compactMap(\.offer).map { m.id($0.agent) } == ["a1", "a2"])
    }

    @Test func callerHangingUpFreesEveryRingingMember() throws {
        var m = try ringAll(3)
        let ticket = try m.joinOK(7, at: 1)
        guard m.next(at: 1)?.offer != nil else { Issue.record("no offer"); return }
        try m.leave(ticket, reason: .abandon, at: 2)
        #expect(m.drain(at: 2).isEmpty)                   // the offers not handed out are dropped
        for id in ["a1", "a2", "a3"] { #expect(try m.state(of: m.agent(id: id)) == .available) }
    }

    @Test func stationlessMembersDoNotRing() throws {
        let team = [AgentConfig(id: "a1", skills: [Skill(queue: "q")]),
                    AgentConfig(id: "cb", skills: [Skill(queue: "q")], hasStation: false),
                    AgentConfig(id: "a2", skills: [Skill(queue: "q")])]
        var m = try makeManager(queues: [QueueConfig(name: "q", strategy: .ringAll)], agents: team)
        _ = try m.joinOK(7, at: 1)
        #expect(m.drain(at: 1).compactMap(\.offer).map { m.id($0.agent) } == ["a1", "a2"])
    }
}

@Suite struct ReconfigureTests {
    @Test func aNewStrategyTakesOverTheIdleMembers() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q")], agents: agents(3))
        #expect(try m.routeOne(1, at: 1) == "a1")
        try m.reconfigure(QueueConfig(name: "q", strategy: .ringAll, wrapUp: 5))
        #expect(m.configuration(of: try m.queue(named: "q")).strategy == .ringAll)
        _ = try m.joinOK(2, at: 2)
        #expect(m.drain(at: 2).compactMap(\.offer).map { m.id($0.agent) } == ["a2", "a3"])
        // The new wrap-up applies to calls ending from now on.
        #expect(try m.complete(m.agent(id: "a1"), by: .caller, at: 10) == 15)
    }

    @Test func unknownQueueIsRefused() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q")], agents: agents(1))
        #expect(throws: QueueError.self) { try m.reconfigure(QueueConfig(name: "nope")) }
    }
}

@Suite struct QueueSettingsTests {
    @Test func settingsBecomeTheManagersConfiguration() {
        var s = QueueSettings(name: "orders")
        s.strategy = .fewestCalls
        s.wrapUp = 15
        s.maxWait = 0
        s.joinEmpty = "strict"
        s.callbackMaxAttempts = 5
        let c = s.queueConfig(schedule: AlwaysOpen(), seed: 9)
        #expect(c.name == "orders" && c.strategy == .fewestCalls && c.wrapUp == 15 && c.maxWait == nil)
        #expect(c.joinEmpty == .strict && c.callbackPolicy.maxAttempts == 5 && c.seed == 9)
        s.maxWait = 600
        #expect(s.queueConfig(schedule: AlwaysOpen()).maxWait == 600)
    }

    @Test func badValuesAreNamed() {
        var s = QueueSettings(name: "q")
        s.wrapUp = -1
        s.leaveWhenEmpty = "sometimes"
        s.ringTimeout = 0
        #expect(s.problems().map(\.field) == ["wrap_up", "ring_timeout", "leave_when_empty"])
        #expect(QueueSettings(name: "q").problems().isEmpty)
    }

    @Test func everyStrategyHasItsDocumentedName() {
        #expect(RoutingStrategy.namesList
                == "longest-idle, round-robin, fewest-calls, least-talk-time, linear, random, skills, ring-all")
        for s in RoutingStrategy.allCases { #expect(RoutingStrategy(rawValue: s.rawValue) == s) }
        #expect(EmptyConditions.strict.asteriskText == "strict")
        #expect(EmptyConditions(asterisk: EmptyConditions([.inUse, .ringing]).asteriskText) == [.inUse, .ringing])
    }
}
