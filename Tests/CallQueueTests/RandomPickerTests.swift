import Testing
@testable import CallQueue

@Suite struct RandomPickerTests {
    private func sequence(seed: UInt64, picks: Int) -> [Int32] {
        var p = RandomPicker(seed: seed)
        let epochs = IdleEpochs(repeating: 1, count: 8)
        for i in 0..<8 { p.becameIdle(IdleCandidate(agent: AgentHandle(i), member: Int32(i), epoch: 1), epochs: epochs) }
        var out: [Int32] = []
        for _ in 0..<picks {
            guard let a = p.pick(maxLevel: .max, epochs: epochs) else { break }
            out.append(a.index)
            p.becameIdle(IdleCandidate(agent: a, member: a.index, epoch: 1), epochs: epochs)
        }
        return out
    }

    @Test func sameSeedSameChoices() {
        #expect(sequence(seed: 7, picks: 50) == sequence(seed: 7, picks: 50))
        #expect(sequence(seed: 7, picks: 50) != sequence(seed: 8, picks: 50))
    }

    @Test func choicesAreRoughlyUniform() {
        var counts = [Int](repeating: 0, count: 8)
        for a in sequence(seed: 42, picks: 8000) { counts[Int(a)] += 1 }
        #expect(counts.allSatisfy { (850...1150).contains($0) }, "\(counts)")
    }

    @Test func onlyIdleMembersAreChosen() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q", strategy: .random, seed: 3)], agents: agents(5))
        let picked = try (1...5).map { try m.routeOne(UInt64($0), at: 0) }
        #expect(Set(picked).count == 5)
        #expect(try m.routeOne(6, at: 0) == "-")
    }
}
