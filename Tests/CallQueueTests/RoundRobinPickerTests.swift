import Testing
@testable import CallQueue

@Suite struct RoundRobinPickerTests {
    @Test func continuesAfterTheLastPickNotTheLongestIdle() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q", strategy: .roundRobin)], agents: agents(4))
        #expect(try (1...3).map { try m.routeOne(UInt64($0), at: 1) } == ["a1", "a2", "a3"])
        try m.finish("a3", at: 10)
        try m.finish("a2", at: 11)
        try m.finish("a1", at: 12)
        // Longest idle would give a4, a3, a2, a1; round robin continues after a3.
        #expect(try (4...7).map { try m.routeOne(UInt64($0), at: 20) } == ["a4", "a1", "a2", "a3"])
    }

    @Test func skipsBusyMembersAndWraps() {
        var p = RoundRobinPicker()
        let epochs: IdleEpochs = [1, 1, 1]
        for i in 0..<3 { p.becameIdle(IdleCandidate(agent: AgentHandle(i), member: Int32(i), epoch: 1), epochs: epochs) }
        #expect(p.pick(maxLevel: .max, epochs: epochs) == AgentHandle(0))
        p.leftIdle(member: 1)
        #expect(p.pick(maxLevel: .max, epochs: epochs) == AgentHandle(2))
        p.becameIdle(IdleCandidate(agent: AgentHandle(0), member: 0, epoch: 2), epochs: epochs)
        #expect(p.pick(maxLevel: .max, epochs: epochs) == AgentHandle(0))
        #expect(p.pick(maxLevel: .max, epochs: epochs) == nil)
    }
}
