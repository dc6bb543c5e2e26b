import Testing
@testable import CallQueue

@Suite("CallbackTable")
struct CallbackTableTests {
    /// Random sets, removals and reads, checked step by step against a plain dictionary:
    /// ids mostly in order (as the manager hands them out), some far ahead (a store with
    /// gaps) and some far behind (after the front was trimmed).
    @Test func agreesWithADictionary() {
        var table = CallbackTable<Int>()
        var plain: [CallbackID: Int] = [:]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func draw(_ n: UInt64) -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return (state >> 33) % n
        }
        var nextID: UInt64 = 1
        for step in 0..<60_000 {
            let id: CallbackID
            switch draw(20) {
            case 0: id = CallbackID(nextID + 5_000 + draw(10_000))          // beyond the window
            case 1: id = CallbackID(1 + draw(nextID))                        // anywhere behind
            default: id = CallbackID(nextID > 50 ? nextID - draw(50) : 1 + draw(nextID))  // recent
            }
            if draw(3) == 0 {
                table[id] = nil; plain[id] = nil
            } else {
                table[id] = step; plain[id] = step
            }
            if draw(2) == 0 { nextID += 1 }
            let probe = CallbackID(1 + draw(nextID + 20_000))
            #expect(table[probe] == plain[probe])
            #expect(table[id] == plain[id])
        }
        #expect(table.values.sorted() == plain.values.sorted())
    }

    /// Closing callbacks in order frees the front: values read back through the ids kept.
    @Test func frontIsTrimmedWithoutLosingLaterValues() {
        var table = CallbackTable<UInt64>()
        for raw in 1...10_000 as ClosedRange<UInt64> { table[CallbackID(raw)] = raw }
        for raw in 1...9_000 as ClosedRange<UInt64> { table[CallbackID(raw)] = nil }
        #expect(table[CallbackID(8_999)] == nil)
        #expect(table[CallbackID(9_001)] == 9_001)
        #expect(table.values == Array(9_001...10_000))
        table[CallbackID(5)] = 5                                             // below the window
        #expect(table[CallbackID(5)] == 5)
        #expect(table.values.count == 1_001)
    }
}
