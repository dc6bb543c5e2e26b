import Testing
@testable import CallQueue

@Suite struct CallbackRetryTests {
    private let policy = CallbackPolicy(maxAttempts: 3, retryInterval: 600)

    @Test func retriesAfterTheIntervalUpToMaxAttempts() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q", callbackPolicy: policy)], agents: agents(1))
        let a1 = try m.agent(id: "a1")
        let id = try m.requestCallback(number: "+15550100", queue: m.queue(named: "q"), source: .manual, at: 0).callback.id
        var t = 0.0
        for attempt in 1...3 {
            #expect(try m.reserveNextCallback(for: a1, at: t)?.id == id)
            let result = try m.reportOutcome(a1, attempt == 2 ? .busy : .noAnswer, at: t + 30)
            #expect(m.callback(id)?.attempts == attempt)
            if attempt < 3 {
                #expect(result.next == .retry(due: t + 630))
                #expect(try m.reserveNextCallback(for: a1, at: t + 629) == nil)
                t += 630
            } else {
                #expect(result.next == .close)
            }
        }
        #expect(m.callback(id)?.status == .closed)
        #expect(try m.reserveNextCallback(for: a1, at: 1e6) == nil)
    }

    @Test func finalOutcomesCloseAtOnce() throws {
        for outcome in [CallbackOutcome.reached, .wrongNumber, .cancelled] {
            var m = try makeManager(queues: [QueueConfig(name: "q", callbackPolicy: policy)], agents: agents(1))
            let a1 = try m.agent(id: "a1")
            let id = try m.requestCallback(number: "+1555", queue: m.queue(named: "q"), source: .manual, at: 0).callback.id
            _ = try m.reserveNextCallback(for: a1, at: 0)
            #expect(try m.reportOutcome(a1, outcome, at: 5).next == .close)
            #expect(m.callback(id)?.status == .closed && m.callback(id)?.attempts == 1)
        }
    }

    @Test func rulesAgreeWithTheManager() {
        let always = AlwaysOpen()
        #expect(CallbackRules.afterOutcome(.noAnswer, attempts: 1, at: 100, policy: policy, schedule: always) == .retry(due: 700))
        #expect(CallbackRules.afterOutcome(.noAnswer, attempts: 3, at: 100, policy: policy, schedule: always) == .close)
        #expect(CallbackRules.afterOutcome(.reached, attempts: 1, at: 100, policy: policy, schedule: always) == .close)
    }

    @Test func aRetryReentersTheLineWhenItIsDue() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q", callbackPolicy: policy)], agents: agents(1))
        let a1 = try m.agent(id: "a1")
        let id = try m.requestCallback(number: "+1555", queue: m.queue(named: "q"), source: .manual, at: 0).callback.id
        _ = try m.reserveNextCallback(for: a1, at: 0)
        try m.reportOutcome(a1, .noAnswer, at: 10)
        #expect(m.callback(id)?.placeKey == 610)
    }
}

@Suite struct ClosedCallbackRetentionTests {
    @Test func closedCallbacksCanBeForgotten() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q")], agents: agents(1))
        m.retainsClosedCallbacks = false
        let a1 = try m.agent(id: "a1")
        for i in 0..<100 {
            let t = Double(i * 10)
            _ = try m.requestCallback(number: "+1555\(i)", queue: m.queue(named: "q"), source: .manual, at: t)
            _ = m.drain(at: t)
            try m.reportOutcome(a1, .reached, at: t + 5)
        }
        #expect(m.allCallbacks.isEmpty)
        #expect(m.callbackTrack.isEmpty && m.openByNumber.isEmpty)
    }
}
