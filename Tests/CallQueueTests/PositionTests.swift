import Testing
@testable import CallQueue

/// `position(of:)` counts by binary search in the sorted places of current ready callbacks;
/// checked against a plain count over every caller and callback the manager holds.
@Suite struct PositionTests {
    /// Live waiting callers and current ready callbacks placed before `ticket`, plus one.
    private func bruteForce(_ m: QueueManager, _ ticket: CallTicket) -> Int {
        let s = Int(ticket.slot)
        let key = (m.calls[s].joinedAt, m.calls[s].joinSeq)
        let q = Int(m.calls[s].queue)
        let callers = m.calls.filter { $0.phase == CallSlot.waiting && Int($0.queue) == q && ($0.joinedAt, $0.joinSeq) < key }.count
        let callbacks = m.queues[q].ready.unordered.filter { m.isCurrent($0) && ($0.placeKey, $0.placeSeq) < key }.count
        return callers + callbacks + 1
    }

    @Test func positionsMatchAPlainCountThroughJoinsLeavesAndCallbacks() throws {
        var config = QueueConfig(name: "q")
        config.callbackPolicy.initialDelay = 20        // some callbacks wait before they are ready
        var m = try makeManager(queues: [config], agents: agents(1), events: false)
        let q = try m.queue(named: "q")
        _ = try m.routeOne(1_000, at: 0)               // the one agent is busy throughout
        var rng = SplitMix64(seed: 7)
        var tickets: [CallTicket] = []
        var checked = 0
        for step in 0..<400 {
            let t = Double(step)
            let u = Double(rng.next() % 1_000) / 1_000
            if u < 0.45 {
                tickets.append(try m.joinOK(UInt64(step), at: t))
            } else if u < 0.6, !tickets.isEmpty {
                let i = Int(rng.next() % UInt64(tickets.count))
                try m.leave(tickets.remove(at: i), reason: .abandon, at: t)
            } else if u < 0.75, !tickets.isEmpty {
                let i = Int(rng.next() % UInt64(tickets.count))
                _ = try m.leaveWithCallback(tickets.remove(at: i), number: "+1555\(1_000_000 + step)", at: t)
            } else if u < 0.85 {
                // Some numbers repeat: merges move a callback's place.
                let n = 100 + Int(rng.next() % 40)
                _ = try m.requestCallback(number: "+1555000\(n)", queue: q, source: .voicemail, at: t)
            } else if u < 0.9 {
                let open = m.allCallbacks.filter { $0.status == .pending }
                if let cb = open.first { try m.cancelCallback(cb.id, at: t) }
            }
            while m.next(at: t) != nil {}
            for ticket in tickets {
                #expect(try m.position(of: ticket) == bruteForce(m, ticket))
                checked += 1
            }
        }
        #expect(checked > 1_000)
        #expect(m.queues[Int(q.index)].readyPlaces.places.count == m.queues[Int(q.index)].readyCount)
    }
}
