import Testing
@testable import CallQueue

@Suite struct LeastTalkTimePickerTests {
    @Test func ordersByTalkTimeNotByIdleTime() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q", strategy: .leastTalkTime)], agents: agents(3))
        #expect(try m.routeOne(1, at: 0) == "a1")
        try m.finish("a1", at: 50)    // talked 50 s
        #expect(try m.routeOne(2, at: 60) == "a2")
        #expect(try m.routeOne(3, at: 70) == "a3")
        try m.finish("a3", at: 80)    // talked 10 s
        try m.finish("a2", at: 160)   // talked 100 s
        // Longest idle would give a1, a3, a2.
        #expect(try (4...6).map { try m.routeOne(UInt64($0), at: 200) } == ["a3", "a1", "a2"])
    }

    @Test func picksLeastTalkEvenIfIdleShortest() {
        var p = LeastTalkTimePicker()
        let epochs: IdleEpochs = [1, 1, 1]
        p.becameIdle(IdleCandidate(agent: AgentHandle(0), member: 0, epoch: 1, idleSince: 0, talkTime: 300), epochs: epochs)
        p.becameIdle(IdleCandidate(agent: AgentHandle(1), member: 1, epoch: 1, idleSince: 5, talkTime: 20), epochs: epochs)
        p.becameIdle(IdleCandidate(agent: AgentHandle(2), member: 2, epoch: 1, idleSince: 9, talkTime: 120), epochs: epochs)
        #expect(p.pick(maxLevel: .max, epochs: epochs) == AgentHandle(1))
        #expect(p.pick(maxLevel: .max, epochs: epochs) == AgentHandle(2))
        #expect(p.pick(maxLevel: .max, epochs: epochs) == AgentHandle(0))
    }
}
