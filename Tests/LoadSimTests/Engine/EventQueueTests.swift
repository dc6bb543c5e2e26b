import Testing
@testable import LoadSim

struct EventQueueTests {
    @Test func popsInTimeThenScheduleOrder() {
        var q = EventQueue<Int>()          // payloads: 10 × time + order pushed at that time
        q.push(31, at: 3)
        q.push(11, at: 1)
        q.push(21, at: 2)
        q.push(12, at: 1)
        q.push(13, at: 1)
        var trace: [Int] = []
        while let e = q.pop() { trace.append(e.payload) }
        #expect(trace == [11, 12, 13, 21, 31])
    }

    @Test func matchesSortedOrderOnRandomLoad() {
        var q = EventQueue<Int>()
        var rng = Xoshiro256StarStar(seed: 5)
        var reference: [(Double, Int)] = []
        for i in 0..<5000 {
            let t = Double(rng.nextInt(below: 100))     // many ties
            q.push(i, at: t)
            reference.append((t, i))
            if i % 3 == 0, let e = q.pop() {
                let best = reference.enumerated().min { ($0.element.0, $0.element.1) < ($1.element.0, $1.element.1) }!
                #expect(e.payload == best.element.1)
                reference.remove(at: best.offset)
            }
        }
        reference.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        var popped: [Int] = []
        while let e = q.pop() { popped.append(e.payload) }
        #expect(popped == reference.map(\.1))
    }
}

extension EventQueueTests {
    @Test func reusesPayloadSlotsWithoutMixingEvents() {
        var q = EventQueue<Int>()          // payload: the event's own time
        for round in 0..<50 {
            q.push(1000 + round, at: Double(1000 + round))
            q.push(round, at: Double(round))
            let e = q.pop()
            #expect(e?.payload == round)
            #expect(e?.time == Double(round))
        }
        #expect(q.count == 50)
        var seen: [Int] = []
        var lastSequence: UInt64 = 0
        while let e = q.pop() {
            #expect(e.sequence >= lastSequence)
            lastSequence = e.sequence
            seen.append(e.payload)
        }
        #expect(seen == (0..<50).map { 1000 + $0 })
        #expect(q.isEmpty && q.nextTime == nil)
    }
}

extension EventQueueTests {
    /// A simulation's use: times only move forward, many events in one second (more than a
    /// bucket holds), some hours ahead (past the buckets' reach), with pushes between pops.
    @Test func matchesSortedOrderWhenTimeOnlyMovesForward() {
        var q = EventQueue<Int>()
        var rng = Xoshiro256StarStar(seed: 9)
        var pending: [(Double, Int)] = []
        var now = 0.0
        for i in 0 ..< 6000 {
            let u = rng.nextUnit()
            let t = u < 0.3 ? now : u < 0.6 ? now + (rng.nextUnit() * 4).rounded(.down) * 0.25
                : u < 0.95 ? now + rng.nextUnit() * 600 : now + 3000 + rng.nextUnit() * 9000
            q.push(i, at: t)
            pending.append((t, i))
            if rng.nextUnit() < 0.5, let e = q.pop() {
                let best = pending.indices.min { (pending[$0].0, pending[$0].1) < (pending[$1].0, pending[$1].1) }!
                #expect(e.payload == pending[best].1 && e.time == pending[best].0)
                pending.remove(at: best)
                now = e.time
            }
        }
        pending.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        var rest: [Int] = []
        while let e = q.pop() { rest.append(e.payload) }
        #expect(rest == pending.map(\.1))
    }
}
