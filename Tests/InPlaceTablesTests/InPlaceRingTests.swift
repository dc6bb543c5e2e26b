import CallQueue
import InPlaceTables
import Testing

/// The in-place ring: a first-in, first-out line that keeps its order through wrap-around,
/// growth, insertion and compaction, and whose `copy()` is a line of its own.
struct InPlaceRingTests {
    struct Entry: Equatable {
        var joinedAt: Double
        var slot: Int32
    }

    @Test func keepsFirstInFirstOutAcrossWrapAroundAndGrowth() {
        var ring = InPlaceRing<Int>(capacity: 4)
        var model: [Int] = []
        var next = 0
        // Two in, one out: the head walks round the storage while the line grows.
        for _ in 0 ..< 500 {
            ring.append(next); model.append(next); next += 1
            ring.append(next); model.append(next); next += 1
            #expect(ring.removeFirst() == model.removeFirst())
        }
        #expect(ring.count == model.count)
        #expect(Array(ring) == model)
        #expect(ring.first == model.first)
        while !ring.isEmpty { #expect(ring.removeFirst() == model.removeFirst()) }
        #expect(ring.first == nil && model.isEmpty)
    }

    @Test func agreesWithAnArrayUnderRandomEdits() {
        var ring = InPlaceRing<Entry>(capacity: 2)
        var model: [Entry] = []
        var generator = SplitMix64(seed: 42)         // the project's seeded generator: replayable
        for step in 0 ..< 5_000 {
            let e = Entry(joinedAt: Double(step), slot: Int32(step % 97))
            switch Int.random(in: 0 ..< 10, using: &generator) {
            case 0 ..< 4:
                ring.append(e); model.append(e)
            case 4 ..< 6:
                if !model.isEmpty { #expect(ring.removeFirst() == model.removeFirst()) }
            case 6:
                ring.prepend(e); model.insert(e, at: 0)
            case 7:
                let i = Int.random(in: 0 ... model.count, using: &generator)
                ring.insert(e, at: i); model.insert(e, at: i)
            case 8:
                ring.removeAll { $0.slot % 3 == 0 }; model.removeAll { $0.slot % 3 == 0 }
            default:
                if !model.isEmpty {
                    let i = Int.random(in: 0 ..< model.count, using: &generator)
                    ring[i].joinedAt = -1; model[i].joinedAt = -1
                }
            }
            #expect(ring.count == model.count)
        }
        #expect(Array(ring) == model)
        #expect((0 ..< model.count).allSatisfy { ring[$0] == model[$0] })
    }

    /// A copy shares the storage (no check per write); `copy()` makes a line of its own.
    @Test func aCopySharesAndCopyDoesNot() {
        var ring = InPlaceRing<Int>(capacity: 8)
        for i in 0 ..< 5 { ring.append(i) }
        _ = ring.removeFirst()
        let shared = ring
        let own = ring.copy()
        ring[0] = 100
        #expect(shared[0] == 100)
        #expect(Array(own) == [1, 2, 3, 4])
        var grown = own
        for i in 5 ..< 40 { grown.append(i) }
        #expect(Array(grown) == Array(1 ..< 40))
        #expect(Array(ring) == [100, 2, 3, 4])
    }
}
