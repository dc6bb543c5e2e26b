import Testing
@testable import CallQueue

/// Scripted calls against lines written by hand from the Asterisk queue_log
/// format: `epoch|callid|queue|agent|EVENT|data...`.
@Suite struct QueueLogFormatterTests {
    private let epoch = 1_700_000_000.0

    @Test func scriptedCallsGiveAsteriskLines() throws {
        var m = try QueueManager(queues: [QueueConfig(name: "orders", maxWait: 300)])
        let alice = try m.addAgent(AgentConfig(id: "alice", skills: [Skill(queue: "orders")], maxNoAnswer: 3))
        let bob = try m.addAgent(AgentConfig(id: "bob", skills: [Skill(queue: "orders")]))
        let orders = try m.queue(named: "orders")

        try m.login(alice, at: 0)                                     // AGENTLOGIN
        _ = try m.join(call: CallID(101), queue: orders, at: 10)     // ENTERQUEUE pos 1
        _ = m.drain(at: 10)                                          // alice rings
        try m.notAnswered(alice, at: 25.4)                           // RINGNOANSWER 15400 ms
        _ = m.drain(at: 25.4)                                        // rings alice again
        try m.answer(alice, at: 27)                                  // CONNECT hold 17, ring 2 (1.6 → 2)
        guard case .joined(let j102) = try m.join(call: CallID(102), queue: orders, at: 30),
              case .joined(let j103) = try m.join(call: CallID(103), queue: orders, at: 31),
              case .joined(let j104) = try m.join(call: CallID(104), queue: orders, at: 32) else {
            Issue.record("refused"); return
        }
        try m.leave(j102.ticket, reason: .abandon, at: 50)                 // ABANDON pos 1 orig 1 wait 20
        try m.leave(j103.ticket, reason: .exitWithKey("5"), at: 60)        // EXITWITHKEY 5, pos 1, orig 2, wait 29
        try m.leave(j104.ticket, reason: .timeout, at: 332)                // EXITWITHTIMEOUT pos 1, orig 3, wait 300
        try m.complete(alice, by: .caller, at: 400)                 // COMPLETECALLER hold 17 talk 373 orig 1
        try m.pause(alice, reason: "lunch", at: 410)                // PAUSE lunch
        try m.login(bob, at: 420)
        try m.ready(alice, at: 500)                                 // UNPAUSE
        try m.logout(alice, at: 600)                                // AGENTLOGOFF logged in 600 s

        let log = QueueLogFormatter(names: EventNames(m), epochOffset: epoch,
                                    callerNumber: { $0.raw == 101 ? "+15550101" : "" })
        let text = m.events.map(log.lines(for:)).joined()
        #expect(text == """
        1700000000|NONE|NONE|alice|AGENTLOGIN|Agent/alice
        1700000010|101|orders|NONE|ENTERQUEUE||+15550101|1
        1700000025|101|orders|alice|RINGNOANSWER|15400
        1700000027|101|orders|alice|CONNECT|17|101|2
        1700000030|102|orders|NONE|ENTERQUEUE|||1
        1700000031|103|orders|NONE|ENTERQUEUE|||2
        1700000032|104|orders|NONE|ENTERQUEUE|||3
        1700000050|102|orders|NONE|ABANDON|1|1|20
        1700000060|103|orders|NONE|EXITWITHKEY|5|1|2|29
        1700000332|104|orders|NONE|EXITWITHTIMEOUT|1|3|300
        1700000400|101|orders|alice|COMPLETECALLER|17|373|1
        1700000410|NONE|orders|alice|PAUSE|lunch
        1700000420|NONE|NONE|bob|AGENTLOGIN|Agent/bob
        1700000500|NONE|orders|alice|UNPAUSE|
        1700000600|NONE|NONE|alice|AGENTLOGOFF|Agent/alice|600

        """)
    }

    @Test func agentHangupEmptyQueueAndRefusal() throws {
        var m = try QueueManager(queues: [QueueConfig(name: "q", joinEmpty: .noOneReady, leaveWhenEmpty: .noOneReady)])
        let a = try m.addAgent(AgentConfig(id: "1001", skills: [Skill(queue: "q")]))
        let q = try m.queue(named: "q")
        _ = try m.join(call: CallID(1), queue: q, at: 0)             // JOINEMPTY
        try m.login(a, at: 1)
        _ = try m.join(call: CallID(2), queue: q, at: 2)
        _ = m.drain(at: 2)
        try m.answer(a, at: 3)
        _ = try m.join(call: CallID(3), queue: q, at: 4)
        try m.complete(a, by: .agent, at: 64)                        // COMPLETEAGENT
        try m.logout(a, at: 64)                                      // a is ringing for call 3: pending
        _ = m.drain(at: 64)
        let log = QueueLogFormatter(names: EventNames(m))
        let lines = m.events.map(log.lines(for:)).joined().split(separator: "\n").map(String.init)
        #expect(lines.first == "0|1|q|NONE|JOINEMPTY")
        #expect(lines.contains("64|2|q|1001|COMPLETEAGENT|1|61|1"))
    }

    @Test func callbackEventsUseTheirOwnVerbs() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q", callbackPolicy: CallbackPolicy(retryInterval: 60))],
                                agents: agents(1))
        m.removeAllEvents()
        let a1 = try m.agent(id: "a1")
        _ = try m.requestCallback(number: "+1555", queue: m.queue(named: "q"), source: .voicemail, at: 5)
        _ = m.drain(at: 5)
        try m.reportOutcome(a1, .busy, at: 10)
        let log = QueueLogFormatter(names: EventNames(m), epochOffset: 1000)
        #expect(m.events.map(log.lines(for:)).joined() == """
        1005|callback-1|q|NONE|CALLBACKREQUEST|voicemail|0|1005
        1005|callback-1|q|a1|CALLBACKRESERVE
        1010|callback-1|q|a1|CALLBACKOUTCOME|busy|1|1070

        """)
    }
}
