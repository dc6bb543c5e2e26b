import Testing
@testable import CallQueue

/// A missed offer with a retry delay (Asterisk `retry`): the agent is not offered anything until
/// the driver ends their rest, so a lone agent whose phone answers busy at once is not rung
/// again and again; the caller keeps their place meanwhile.
@Suite struct NoAnswerRetryTests {
    @Test func aLoneAgentWhoMissedIsNotOfferedAgainUntilTheRestEnds() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q")], agents: agents(1, maxNoAnswer: 3))
        let a1 = try m.agent(id: "a1")
        _ = try m.joinOK(1, at: 0)
        #expect(m.drain(at: 0).compactMap(\.offer).map { m.id($0.agent) } == ["a1"])
        let until = try m.notAnswered(a1, at: 0.5, retryAfter: 5)
        #expect(until == 5.5)
        #expect(try m.state(of: a1) == .wrapUp)
        // The caller is back at their place, but nobody is offered it while a1 rests.
        #expect(m.drain(at: 0.5).compactMap(\.offer).isEmpty)
        #expect(m.drain(at: 3).compactMap(\.offer).isEmpty)
        try m.endWrapUp(a1, at: until)
        #expect(try m.state(of: a1) == .available)
        #expect(m.drain(at: until).compactMap(\.offer).map(\.call) == [CallID(1)])
    }

    @Test func anotherAgentTakesTheCallerWhileTheFirstRests() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q")], agents: agents(2, maxNoAnswer: 3))
        let a1 = try m.agent(id: "a1"), a2 = try m.agent(id: "a2")
        try m.pause(a2, at: 0)
        _ = try m.joinOK(1, at: 1)
        #expect(m.drain(at: 1).compactMap(\.offer).map { m.id($0.agent) } == ["a1"])
        try m.notAnswered(a1, at: 1.1, retryAfter: 5)
        try m.ready(a2, at: 2)
        #expect(m.drain(at: 2).compactMap(\.offer).map { m.id($0.agent) } == ["a2"])
    }

    @Test func theMissThatReachesMaxNoAnswerIsABreakNotARest() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q")], agents: agents(1, maxNoAnswer: 2))
        let a1 = try m.agent(id: "a1")
        _ = try m.joinOK(1, at: 0)
        _ = m.drain(at: 0)
        let rest = try m.notAnswered(a1, at: 1, retryAfter: 5)
        try m.endWrapUp(a1, at: rest)
        #expect(m.drain(at: rest).compactMap(\.offer).count == 1)
        // The second miss in a row: on break (max-no-answer), no rest to end.
        #expect(try m.notAnswered(a1, at: 7, retryAfter: 5) == 7)
        #expect(try m.state(of: a1) == .onBreak)
        #expect(m.events.contains { $0.kind == .pause(agent: a1, reason: "max-no-answer") })
    }

    @Test func aBreakAskedForDuringTheRestStartsWhenItEnds() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q")], agents: agents(1, maxNoAnswer: 0))
        let a1 = try m.agent(id: "a1")
        _ = try m.joinOK(1, at: 0)
        _ = m.drain(at: 0)
        let rest = try m.notAnswered(a1, at: 1, retryAfter: 5)
        try m.pause(a1, at: 2)
        try m.endWrapUp(a1, at: rest)
        #expect(try m.state(of: a1) == .onBreak)
        #expect(m.drain(at: rest).compactMap(\.offer).isEmpty)
    }

    @Test func noRetryDelayOffersAgainAtOnce() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q")], agents: agents(1, maxNoAnswer: 0))
        let a1 = try m.agent(id: "a1")
        _ = try m.joinOK(1, at: 0)
        _ = m.drain(at: 0)
        #expect(try m.notAnswered(a1, at: 1) == 1)
        #expect(try m.state(of: a1) == .available)
        #expect(m.drain(at: 1).compactMap(\.offer).count == 1)
    }
}
