import Testing
@testable import LoadSim

struct UnsafeTableTests {
    @Test func growsPastItsCapacityKeepingEveryValue() {
        var t = UnsafeTable<Int32>(capacity: 2)
        for i in 0..<1000 { t.append(Int32(i)) }
        #expect(t.count == 1000)
        #expect(Array(t) == (0..<1000).map { Int32($0) })
    }

    @Test func writesInPlaceAndPopsFromTheEnd() {
        var t = UnsafeTable<SimCall>(capacity: 4)
        for _ in 0..<3 { t.append(SimCall()) }
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
        let t = UnsafeTable(repeating: 3.0, count: 5)
        #expect(Array(t) == [3, 3, 3, 3, 3])
    }
}
