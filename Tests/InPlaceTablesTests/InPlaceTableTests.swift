import Testing
import InPlaceTables

/// The in-place table: grows, writes in place, and frees what it holds.
struct InPlaceTableTests {
    struct Record: Equatable {
        var generation: UInt32 = 0
        var joinedAt = 0.0
    }

    @Test func growsPastItsCapacityKeepingEveryValue() {
        var t = InPlaceTable<Int32>(capacity: 2)
        for i in 0..<1000 { t.append(Int32(i)) }
        #expect(t.count == 1000)
        #expect(Array(t) == (0..<1000).map { Int32($0) })
    }

    @Test func writesInPlaceAndPopsFromTheEnd() {
        var t = InPlaceTable<Record>(capacity: 4)
        for _ in 0..<3 { t.append(Record()) }
        t[1].generation = 7
        t[1].joinedAt = 2.5
        #expect(t[1].generation == 7 && t[1].joinedAt == 2.5 && t[0].generation == 0)
        #expect(t.popLast()?.generation == 0)
        #expect(t.popLast()?.generation == 7)
        #expect(t.count == 1)
        t.clearKeepingCapacity()
        #expect(t.isEmpty && t.popLast() == nil)
    }

    @Test func startsFilledWhenAskedTo() {
        let t = InPlaceTable(repeating: 3.0, count: 5)
        #expect(Array(t) == [3, 3, 3, 3, 3])
    }

    /// A copy shares the storage; `copy()` makes a table of its own.
    @Test func aCopySharesAndCopyDoesNot() {
        let t = InPlaceTable(repeating: 1, count: 3)
        let shared = t
        let own = t.copy()
        t[0] = 9
        #expect(shared[0] == 9 && own[0] == 1)
    }

    /// Elements that hold references are released with the table (and when popped or cleared).
    @Test func releasesElementsThatHoldReferences() {
        final class Tracked { nonisolated(unsafe) static var alive = 0; init() { Self.alive += 1 }; deinit { Self.alive -= 1 } }
        do {
            var t = InPlaceTable<Tracked>(capacity: 1)
            for _ in 0..<5 { t.append(Tracked()) }
            #expect(Tracked.alive == 5)
            _ = t.popLast()
            #expect(Tracked.alive == 4)
            let other = t.copy()
            #expect(other.count == 4 && Tracked.alive == 4)        // copies share the objects
            t.clearKeepingCapacity()
            #expect(t.isEmpty && Tracked.alive == 4)              // `other` still holds them
        }
        #expect(Tracked.alive == 0)
    }
}
