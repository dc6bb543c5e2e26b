import Testing
@testable import CallQueue

@Suite struct MaxNoAnswerTests {
    @Test func afterNMissedOffersTheAgentGoesOnBreak() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q")], agents: agents(2, maxNoAnswer: 2))
        let a1 = try m.agent(id: "a1"), a2 = try m.agent(id: "a2")
        try m.pause(a2, at: 0)
        _ = try m.joinOK(1, at: 1)
        #expect(m.drain(at: 1).compactMap(\.offer).map { m.id($0.agent) } == ["a1"])
        try m.notAnswered(a1, at: 16)
        #expect(try m.state(of: a1) == .available)
        // Back at their place, offered again; a second miss puts a1 on break.
        #expect(m.drain(at: 16).compactMap(\.offer).map(\.call) == [CallID(1)])
        try m.notAnswered(a1, at: 31)
        #expect(try m.state(of: a1) == .onBreak)
        #expect(m.events.contains { $0.kind == .pause(agent: a1, reason: "max-no-answer") })
        #expect(m.drain(at: 31).isEmpty)
        try m.ready(a2, at: 40)
        #expect(m.drain(at: 40).compactMap(\.offer).map { ($0.call, m.id($0.agent)) }.first! == (CallID(1), "a2"))
    }

    @Test func answeringResetsTheCount() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q")], agents: agents(1, maxNoAnswer: 2))
        let a1 = try m.agent(id: "a1")
        _ = try m.joinOK(1, at: 0)
        _ = m.drain(at: 0)
        try m.notAnswered(a1, at: 10)
        _ = m.drain(at: 10)
        try m.answer(a1, at: 12)
        try m.complete(a1, by: .caller, at: 20)
        _ = try m.joinOK(2, at: 21)
        _ = m.drain(at: 21)
        try m.notAnswered(a1, at: 30)
        #expect(try m.state(of: a1) == .available)
    }

    @Test func zeroMeansNever() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q")], agents: agents(1, maxNoAnswer: 0))
        let a1 = try m.agent(id: "a1")
        _ = try m.joinOK(1, at: 0)
        for i in 0..<10 {
            _ = m.drain(at: Double(i))
            try m.notAnswered(a1, at: Double(i) + 0.5)
        }
        #expect(try m.state(of: a1) == .available)
    }
}
