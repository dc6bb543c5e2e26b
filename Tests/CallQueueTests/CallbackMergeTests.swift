import Testing
@testable import CallQueue

@Suite struct CallbackMergeTests {
    @Test func aSecondRequestFromTheSameNumberMerges() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q")], agents: [])
        let q = try m.queue(named: "q")
        let first = try m.requestCallback(number: "+15550100", queue: q, source: .voicemail, at: 10)
        let second = try m.requestCallback(number: "+15550100", queue: q, source: .manual, at: 20)
        guard case .merged(let merged) = second else { Issue.record("not merged"); return }
        #expect(merged.id == first.callback.id)
        #expect(merged.requests == 2)
        #expect(merged.placeKey == 10)                 // the earlier place is kept
        #expect(m.allCallbacks.filter(\.isOpen).count == 1)
        let other = try m.requestCallback(number: "+15550199", queue: q, source: .manual, at: 30)
        #expect(other.callback.id != first.callback.id)
    }

    @Test func mergingWithAQueueCallbackKeepsTheEarlierPlace() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q")], agents: agents(1))
        _ = try m.routeOne(100, at: 0)
        let q = try m.queue(named: "q")
        let ticket = try m.joinOK(1, at: 5)
        let fromVoicemail = try m.requestCallback(number: "+15550100", queue: q, source: .voicemail, at: 50)
        #expect(fromVoicemail.callback.placeKey == 50)
        let fromQueue = try m.leaveWithCallback(ticket, number: "+15550100", at: 60)
        #expect(fromQueue.callback.id == fromVoicemail.callback.id)
        #expect(fromQueue.callback.placeKey == 5)      // the caller's join time is earlier
    }

    @Test func aPendingRetryBecomesDueWhenTheCustomerAsksAgain() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q")], agents: agents(1))
        let a1 = try m.agent(id: "a1")
        let q = try m.queue(named: "q")
        let id = try m.requestCallback(number: "+1555", queue: q, source: .manual, at: 0).callback.id
        _ = try m.reserveNextCallback(for: a1, at: 0)
        try m.reportOutcome(a1, .noAnswer, at: 10)     // retry due at 610
        let again = try m.requestCallback(number: "+1555", queue: q, source: .voicemail, at: 100)
        #expect(again.callback.id == id && again.callback.notBefore == 100)
        #expect(try m.reserveNextCallback(for: a1, at: 100)?.id == id)
    }

    @Test func aRequestWhileReservedMergesAndKeepsTheReservation() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q")], agents: agents(2))
        let a1 = try m.agent(id: "a1"), a2 = try m.agent(id: "a2")
        let q = try m.queue(named: "q")
        let id = try m.requestCallback(number: "+1555", queue: q, source: .manual, at: 0).callback.id
        _ = try m.reserveNextCallback(for: a1, at: 1)
        let again = try m.requestCallback(number: "+1555", queue: q, source: .manual, at: 2)
        #expect(again.callback.id == id && again.callback.status == .reserved)
        #expect(try m.reserveNextCallback(for: a2, at: 3) == nil)
    }

    @Test func afterClosingTheSameNumberGetsANewCallback() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q")], agents: agents(1))
        let a1 = try m.agent(id: "a1")
        let q = try m.queue(named: "q")
        let id = try m.requestCallback(number: "+1555", queue: q, source: .manual, at: 0).callback.id
        _ = try m.reserveNextCallback(for: a1, at: 0)
        try m.reportOutcome(a1, .reached, at: 10)
        guard case .created(let fresh) = try m.requestCallback(number: "+1555", queue: q, source: .manual, at: 20) else {
            Issue.record("merged into a closed callback"); return
        }
        #expect(fresh.id != id)
    }
}
