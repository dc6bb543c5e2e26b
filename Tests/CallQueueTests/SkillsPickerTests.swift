import Testing
@testable import CallQueue

@Suite struct SkillsPickerTests {
    private func tiered() throws -> QueueManager {
        try makeManager(queues: [QueueConfig(name: "q", strategy: .skills, levelWideningStep: 30)],
                        agents: [AgentConfig(id: "expert", skills: [Skill(queue: "q", level: 1)]),
                                 AgentConfig(id: "backup", skills: [Skill(queue: "q", level: 2)]),
                                 AgentConfig(id: "trainee", skills: [Skill(queue: "q", level: 3)])])
    }

    @Test func bestLevelFirstEvenIfOthersIdleLonger() throws {
        var m = try tiered()
        // All idle since 0, trainee and backup longer than nobody: level wins.
        #expect(try m.routeOne(1, at: 100) == "expert")
    }

    @Test func widensToLowerLevelsAsTheCallerWaits() throws {
        var m = try tiered()
        #expect(try m.routeOne(1, at: 0) == "expert")
        _ = try m.joinOK(2, at: 10)
        #expect(m.drain(at: 10).isEmpty)               // backup is level 2: not before 30 s of waiting
        #expect(m.nextWakeUp(after: 10) == 40)
        #expect(m.drain(at: 39.9).isEmpty)
        #expect(m.drain(at: 40).compactMap(\.offer).map { m.id($0.agent) } == ["backup"])
        try m.answer(m.agent(id: "backup"), at: 40)
        _ = try m.joinOK(3, at: 50)
        #expect(m.nextWakeUp(after: 50) == 110)        // trainee is level 3: after 60 s
        #expect(m.drain(at: 110).compactMap(\.offer).map { m.id($0.agent) } == ["trainee"])
    }

    @Test func neverWidensWithAnInfiniteStep() throws {
        var m = try makeManager(queues: [QueueConfig(name: "q", strategy: .skills, levelWideningStep: .infinity)],
                                agents: [AgentConfig(id: "b", skills: [Skill(queue: "q", level: 2)])])
        _ = try m.joinOK(1, at: 0)
        #expect(m.drain(at: 1_000_000).isEmpty)
        #expect(m.nextWakeUp(after: 0) == nil)
    }
}
