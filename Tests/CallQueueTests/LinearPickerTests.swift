import Testing
@testable import CallQueue

@Suite struct LinearPickerTests {
    @Test func firstMemberTakesEveryCallItCan() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q", strategy: .linear)], agents: agents(3))
        for c in 1...3 {
            #expect(try m.routeOne(UInt64(c), at: Double(c * 10)) == "a1")
            try m.finish("a1", at: Double(c * 10 + 5))
        }
        #expect(try (4...6).map { try m.routeOne(UInt64($0), at: 100) } == ["a1", "a2", "a3"])
        try m.finish("a3", at: 110)
        try m.finish("a2", at: 111)
        #expect(try m.routeOne(7, at: 120) == "a2")
    }
}
