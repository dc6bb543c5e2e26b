import Testing
@testable import CallQueue

/// The keep-your-place rule: a callback made from the queue is served where
/// the caller stood: behind those who joined earlier, ahead of those who
/// joined later. Not a priority boost, not the back of the line.
@Suite struct KeepYourPlaceTests {
    /// What one agent serves, in order, as labels: `c<call>` or `cb:<number>`.
    private func served(_ m: inout QueueManager, from t0: Double, count: Int) throws -> [String] {
        let agent = try m.agent(id: "a1")
        var t = t0
        var order: [String] = []
        for _ in 0..<count {
            guard let out = m.next(at: t) else { break }
            switch out {
            case .offer(let o):
                order.append("c\(o.call.raw)")
                try m.answer(agent, at: t)
                t += 60
                try m.complete(agent, by: .caller, at: t)
            case .callback(let c):
                order.append("cb:\(m.callback(c.id)!.number)")
                t += 60
                try m.reportOutcome(agent, .reached, at: t)
            default:
                Issue.record("unexpected \(out)")
            }
        }
        return order
    }

    @Test func callbackIsServedWhereTheCallerStood() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q")], agents: agents(1))
        _ = try m.routeOne(100, at: 0)                 // the agent is busy
        _ = try m.joinOK(1, at: 10)                    // joined before
        let t2 = try m.joinOK(2, at: 20)               // will ask for a callback
        _ = try m.joinOK(3, at: 30)                    // joined after
        let result = try m.leaveWithCallback(t2, number: "+15550002", key: "5", at: 40)
        #expect(result.callback.placeKey == 20)
        _ = try m.joinOK(4, at: 50)                    // joined after the request
        try m.finish("a1", at: 60)
        #expect(try served(&m, from: 60, count: 4) == ["c1", "cb:+15550002", "c3", "c4"])
    }

    /// A flow that confirms the request first: the caller leaves with the key, and the callback
    /// is filed later with their join time (`requestCallback(joinedAt:)`), as the simulator does.
    @Test func callbackFiledAfterLeavingKeepsTheJoinTime() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q")], agents: agents(1))
        _ = try m.routeOne(100, at: 0)
        _ = try m.joinOK(1, at: 10)
        let t2 = try m.joinOK(2, at: 20)
        _ = try m.joinOK(3, at: 30)
        try m.leave(t2, reason: .exitWithKey("2"), at: 40)
        _ = try m.joinOK(4, at: 45)
        let result = try m.requestCallback(number: "+15550002", queue: m.queue(named: "q"),
                                           source: .queue, joinedAt: 20, at: 50)
        #expect(result.callback.placeKey == 20)
        #expect(result.callback.requestedAt == 50)
        try m.finish("a1", at: 60)
        #expect(try served(&m, from: 60, count: 4) == ["c1", "cb:+15550002", "c3", "c4"])
    }

    @Test func placeKeyIsNeverLaterThanTheRequest() {
        #expect(CallbackRules.placeKey(source: .queue, requestedAt: 50, joinedAt: 20) == 20)
        #expect(CallbackRules.placeKey(source: .queue, requestedAt: 50, joinedAt: 70) == 50)
        #expect(CallbackRules.placeKey(source: .queue, requestedAt: 50, joinedAt: nil) == 50)
        #expect(CallbackRules.placeKey(source: .voicemail, requestedAt: 50, joinedAt: 20) == 50)
    }

    @Test func itIsNotThePriorityBoostAndNotTheBackOfTheLine() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q")], agents: agents(1))
        _ = try m.routeOne(100, at: 0)
        let early = try m.joinOK(1, at: 1)
        _ = try m.joinOK(2, at: 2)
        _ = try m.leaveWithCallback(early, number: "+15550001", at: 3)
        _ = try m.joinOK(3, at: 4)
        let voicemail = try m.requestCallback(number: "+15550009", queue: m.queue(named: "q"),
                                              source: .voicemail, at: 5)
        #expect(voicemail.callback.placeKey == 5)      // enters the line when requested
        _ = try m.joinOK(4, at: 6)
        try m.finish("a1", at: 10)
        #expect(try served(&m, from: 10, count: 5) == ["cb:+15550001", "c2", "c3", "cb:+15550009", "c4"])
    }

    @Test func positionsCountACallbackAheadOfLaterCallers() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q")], agents: agents(1))
        _ = try m.routeOne(100, at: 0)
        let t1 = try m.joinOK(1, at: 1)
        let t2 = try m.joinOK(2, at: 2)
        _ = try m.leaveWithCallback(t1, number: "+15550001", at: 3)
        #expect(try m.position(of: t2) == 2)           // the callback still stands ahead
        guard case .joined(let j) = try m.join(call: CallID(3), queue: m.queue(named: "q"), at: 4) else {
            Issue.record("refused"); return
        }
        #expect(j.position == 3)
    }

    @Test func aCallbackHeldBackByItsDelayDoesNotBlockTheLine() throws {
        let policy = CallbackPolicy(initialDelay: 300)
        var m = try makeManager(queues: [QueueConfig(name: "q", callbackPolicy: policy)], agents: agents(1))
        _ = try m.routeOne(100, at: 0)
        let t1 = try m.joinOK(1, at: 1)
        _ = try m.joinOK(2, at: 2)
        let cb = try m.leaveWithCallback(t1, number: "+15550001", at: 3)
        #expect(cb.callback.notBefore == 303)
        try m.finish("a1", at: 10)
        // Not yet eligible: caller 2 is served first; at 303 the callback (place 1) comes before caller 3.
        #expect(try served(&m, from: 10, count: 1) == ["c2"])
        _ = try m.joinOK(3, at: 100)
        #expect(m.nextWakeUp(after: 100) == 303)
        #expect(try served(&m, from: 303, count: 2) == ["cb:+15550001", "c3"])
    }
}
