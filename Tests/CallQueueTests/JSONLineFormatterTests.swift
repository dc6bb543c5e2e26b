import Testing
@testable import CallQueue

@Suite struct JSONLineFormatterTests {
    @Test func eventsBecomeOneObjectPerLine() throws {
        var m = try makeManager(queues: [QueueConfig(name: "orders")],
                                agents: [AgentConfig(id: "al\"ice", skills: [Skill(queue: "orders")])])
        m.removeAllEvents()
        let a = try m.agent(id: "al\"ice")
        _ = try m.joinOK(7, "orders", at: 10)
        _ = m.drain(at: 10)
        try m.answer(a, at: 12.5)
        try m.complete(a, by: .agent, at: 72.5)
        let json = JSONLineFormatter(names: EventNames(m), epochOffset: 1_700_000_000)
        #expect(m.events.map(json.line(for:)) == [
            #"{"time":10,"epoch":1700000010,"event":"ENTERQUEUE","call":"7","queue":"orders","position":1}"# + "\n",
            #"{"time":12.5,"epoch":1700000012,"event":"CONNECT","call":"7","queue":"orders","agent":"al\"ice","hold_s":2.5,"ring_s":2.5}"# + "\n",
            #"{"time":72.5,"epoch":1700000072,"event":"COMPLETEAGENT","call":"7","queue":"orders","agent":"al\"ice","by":"agent","hold_s":2.5,"talk_s":60,"original_position":1}"# + "\n",
        ])
    }

    @Test func controlCharactersAreEscaped() {
        #expect(JSONObjectWriter.quote("a\nb\u{1}") == #""a\nb\u0001""#)
    }

    @Test func eventsCanBeTurnedOff() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q")], agents: agents(1), events: false)
        _ = try m.routeOne(1, at: 0)
        #expect(m.events.isEmpty)
    }
}
