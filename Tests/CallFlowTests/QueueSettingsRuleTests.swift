import CallQueue
import Foundation
import Testing
@testable import CallFlow

/// The rule between a queue's own settings and a flow's queue step
/// (`FlowProgram.applyingQueueSettings`): the queue's settings are the defaults, the step
/// overrides only what it states.
@Suite struct QueueSettingsRuleTests {
    /// A queue step stating `options` (max_wait, announce_every, announce_first or nothing).
    static func flow(_ options: String) -> FlowProgram? {
        FlowTest.program("""
        steps:
          q:
            queue: general
            announce: please-hold
        \(options.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
            on_timeout: bye
          bye:
            hangup: completed
        """)
    }

    static func general(maxWait: Double, announce: Double = 60) -> [QueueConfig] {
        var settings = QueueSettings(name: "general")
        settings.maxWait = maxWait
        settings.announceFrequency = announce
        return [settings.queueConfig(schedule: AlwaysOpen())]
    }

    /// The scripted call with the queue's configurations; the time the caller left and why.
    static func leave(_ program: FlowProgram, _ configs: [QueueConfig], keys: String = "") -> [String] {
        var options = ScriptedCall.Options(callerID: "+441632960123", start: FlowTest.date("2026-11-23T10:00"))
        options.defaultPromptLength = 2
        options.maxCallLength = 1200
        options.queueConfigs = configs
        let t = ScriptedCall(program: program, options: options).run(try! KeyScript(keys))
        return FlowTest.lines(t, ["leave-queue"])
    }

    @Test func aStepWithoutMaxWaitTakesTheQueuesMaxWait() throws {
        let program = try #require(Self.flow(""))
        #expect(Self.leave(program, Self.general(maxWait: 30)) == ["30 leave-queue general timeout"])
        #expect(program.applyingQueueSettings(Self.general(maxWait: 30)).queueTimings(ofStep: 0)?.maxWait == 30)
    }

    @Test func aStepThatStatesMaxWaitOverridesTheQueue() throws {
        let program = try #require(Self.flow("max_wait: 2m"))
        #expect(Self.leave(program, Self.general(maxWait: 30)) == ["120 leave-queue general timeout"])
        let none = try #require(Self.flow("max_wait: 0"))
        #expect(Self.leave(none, Self.general(maxWait: 30)) == ["1200 leave-queue general abandon"],
                "max_wait: 0 stated in the flow means no limit, whatever the queue says")
    }

    @Test func withoutSettingsNothingChanges() throws {
        let program = try #require(Self.flow(""))
        #expect(program.applyingQueueSettings([]) === program, "nothing to change: the same program")
        #expect(Self.leave(program, []) == ["1200 leave-queue general abandon"], "the default queue has no max wait")
        #expect(program.applyingQueueSettings(Self.general(maxWait: 0)) === program)
        let other = program.applyingQueueSettings(Self.general(maxWait: 30).map { var c = $0; c.name = "orders"; return c })
        #expect(other === program, "settings of another queue do not apply")
    }

    @Test func announcementsFollowTheQueueUnlessTheStepStatesThem() throws {
        let program = try #require(Self.flow(""))
        let byQueue = program.applyingQueueSettings(Self.general(maxWait: 0, announce: 45))
        #expect(byQueue.queueTimings(ofStep: 0).map { [$0.announceFirst, $0.announceEvery] } == [45, 45])
        let silent = program.applyingQueueSettings(Self.general(maxWait: 0, announce: 0))
        #expect(silent.queueTimings(ofStep: 0).map { [$0.announceFirst, $0.announceEvery] } == [0, 0])
        let stated = try #require(Self.flow("announce_first: 20s"))
        let mixed = stated.applyingQueueSettings(Self.general(maxWait: 0, announce: 45))
        #expect(mixed.queueTimings(ofStep: 0).map { [$0.announceFirst, $0.announceEvery] } == [20, 45])
        let every = try #require(Self.flow("announce_every: 90s"))
        #expect(every.applyingQueueSettings(Self.general(maxWait: 0, announce: 45)).queueTimings(ofStep: 0)
            .map { [$0.announceFirst, $0.announceEvery] } == [90, 90])
    }

    @Test func theScriptedCallHearsTheQueuesAnnouncementFrequency() throws {
        let program = try #require(Self.flow(""))
        var options = ScriptedCall.Options(callerID: "+441632960123", start: FlowTest.date("2026-11-23T10:00"))
        options.queueConfigs = Self.general(maxWait: 100, announce: 40)
        let t = ScriptedCall(program: program, options: options).run(try! KeyScript(""))
        #expect(FlowTest.lines(t, ["prompt", "leave-queue"]) == [
            "40 prompt please-hold", "80 prompt please-hold", "100 leave-queue general timeout",
        ])
    }

    @Test func onTimeoutWithoutMaxWaitIsNoLongerAWarning() {
        let warnings = FlowTest.diagnostics("""
        steps:
          q:
            queue: general
            on_timeout: bye
          bye:
            hangup: completed
        """).map(\.message)
        #expect(!warnings.contains { $0.contains("on_timeout") }, "the queue may give the max wait: \(warnings)")
        let stated = FlowTest.diagnostics("""
        steps:
          q:
            queue: general
            max_wait: 0
            on_timeout: bye
          bye:
            hangup: completed
        """).map(\.message)
        #expect(stated.contains { $0.contains("on_timeout is never used with max_wait: 0") }, "\(stated)")
    }
}

/// One key type: Telephony's `DTMFKey` is what the interpreter hears.
@Suite struct OneKeyTypeTests {
    @Test func aMenuRefusesKeysAToDUnlessItOffersThem() throws {
        let yaml = """
        steps:
          m:
            menu: long
            timeout: 3s
            invalid_prompt: wrong
            choices: {"1": one, "A": a}
            max_invalid: 1
            on_invalid: bad
          one:
            hangup: completed
          a:
            hangup: completed
          bad:
            hangup: hung-up
        """
        let program = try #require(FlowTest.program(yaml))
        #expect(FlowTest.call(program, "w1 a").events("step").compactMap(\.name) == ["m", "a"], "a flow that offers A takes it")
        #expect(FlowTest.call(program, "w1 B").events("step").compactMap(\.name) == ["m", "bad"], "B is not offered: invalid")
        #expect(FlowTest.call(program, "w1 D").events("step").compactMap(\.name) == ["m", "bad"], "D is not offered: invalid")
    }

    @Test func keySetsAndSequencesHoldEverySixteenKeys() {
        var set = KeySet()
        for key in DTMFKey.allCases { set.insert(key) }
        #expect(set.description == "0123456789*#ABCD", "keypad order, not tone order")
        #expect(KeySet("#1A").description == "1#A")
        let sequence = KeySequence("147*2580369#ABCD")
        #expect(sequence?.string == "147*2580369#ABCD")
        #expect((0..<16).map { sequence![$0] } == "147*2580369#ABCD".map { DTMFKey($0)! })
    }
}
