import Foundation
import Testing
@testable import CallFlow

/// Queue steps: music, announcements with position and wait, exit keys, max wait, agents.
@Suite struct QueueStepTests {
    static let yaml = """
    variables: {topic: general}
    steps:
      pick:
        set: {topic: billing}
        next: q
      q:
        queue: payments
        music: calm
        announce: please-hold
        announce_first: 20s
        announce_every: 45s
        announce_position: true
        announce_wait: true
        keys: {"1": vm, "*": bye}
        max_wait: 100s
        on_timeout: vm
        on_empty: bye
        next: thanks
      vm:
        voicemail: payments
      thanks:
        play: thanks
        next: hangup
      bye:
        hangup:
    """

    static let prompts: Set<String> = ["please-hold", "thanks", "queue-position", "queue-wait", "minutes",
                                       "digit-1", "digit-2", "digit-3", "digit-4", "digit-5", "music/calm"]

    func queueFlow() -> FlowProgram? { FlowTest.program(Self.yaml, prompts: Self.prompts) }

    @Test func holdMusicAnnouncementsAndTimeout() throws {
        let program = try #require(queueFlow())
        let t = FlowTest.call(program, "")
        #expect(FlowTest.lines(t, ["enqueue", "music", "prompt", "leave-queue", "timeout"]) == [
            "0 enqueue payments topic billing", "0 music calm",
            "20 prompt queue-position", "22 prompt digit-1", "24 prompt please-hold", "26 music calm",
            "65 prompt queue-position", "67 prompt digit-1", "69 prompt please-hold", "71 music calm",
            "100 timeout max-wait", "100 leave-queue payments timeout", "105.5 prompt thanks",
        ])
        #expect(t.events("step").compactMap(\.name) == ["pick", "q", "vm", "thanks"])
    }

    @Test func exitKeysLeaveWithKeyEvenDuringAnAnnouncement() throws {
        let program = try #require(queueFlow())
        let t = FlowTest.call(program, "w21 *")
        #expect(FlowTest.lines(t, ["digit", "stop-prompt", "leave-queue", "hangup"]) == [
            "21.3 digit *", "21.3 stop-prompt", "21.3 leave-queue payments key *", "21.3 hangup completed",
        ])
        #expect(t.outcome.queue == "payments")
    }

    @Test func otherKeysAreIgnoredWhileHolding() throws {
        let program = try #require(queueFlow())
        let t = FlowTest.call(program, "w5 5 hangup")
        #expect(t.events("leave-queue").map(\.value) == ["abandon"])
        #expect(t.outcome.result == "abandoned")
    }

    /// Drives the interpreter directly, as the queue manager would.
    func drive(_ events: [(Double, CallEvent)], program: FlowProgram) -> [CallAction] {
        let interpreter = CallInterpreter(program: program)
        var call = CallState()
        var actions: [CallAction] = []
        interpreter.handle(.callStarted(callerID: "+441632960123", at: FlowTest.date("2026-11-23T10:00")),
                           now: 0, call: &call, actions: &actions)
        for (now, event) in events { interpreter.handle(event, now: now, call: &call, actions: &actions) }
        return actions
    }

    @Test func agentConnectsAndTheCallIsQueued() throws {
        let program = try #require(queueFlow())
        let actions = drive([(12, .agentConnected), (20, .timerFired(TimerID(kind: .announcement, serial: 1))),
                             (300, .agentDisconnected), (302, .promptFinished)], program: program)
        let q = program.queueNames.firstIndex(of: "payments")!
        #expect(actions.contains(.enqueue(EnqueueRequest(
            queue: q, topic: program.values.firstIndex(of: "billing")!, music: 0, maxWait: 100,
            exitKeys: KeySet("1*"), announceEvery: 45, announcePosition: true, announceWait: true))))
        // After connecting: music stops, both timers are cancelled, the stale announcement is ignored.
        let stop = try #require(actions.firstIndex(of: .stopMusic))
        let afterConnect = Array(actions[(stop - 2)...])
        #expect(afterConnect.prefix(2).allSatisfy { if case .cancelTimer = $0 { return true } else { return false } })
        #expect(!afterConnect.contains { if case .play(let list, _) = $0 { return program.names(of: list).contains("please-hold") } else { return false } })
        guard case .hangUp(let outcome) = actions.last else { Issue.record("no hang-up"); return }
        #expect(outcome.result == .queued)
        #expect(outcome.queue == q)
    }

    @Test func positionAndWaitAreReadOut() throws {
        let program = try #require(queueFlow())
        let actions = drive([(5, .queueStatus(position: 3, estimatedWait: 250)),
                             (20, .timerFired(TimerID(kind: .announcement, serial: 1)))], program: program)
        guard case .play(let list, let interruptible) = actions.last else { Issue.record("no announcement"); return }
        #expect(program.names(of: list) == ["queue-position", "digit-3", "queue-wait", "digit-4", "minutes", "please-hold"])
        #expect(interruptible)
    }

    /// The queue flow with the full prompt library: digits and the number words.
    func wordFlow() -> FlowProgram? {
        FlowTest.program(Self.yaml, prompts: Self.prompts.union(NumberWord.promptNames))
    }

    func announcement(_ program: FlowProgram, position: Int, wait: Double) -> [String] {
        let actions = drive([(5, .queueStatus(position: position, estimatedWait: wait)),
                             (20, .timerFired(TimerID(kind: .announcement, serial: 1)))], program: program)
        guard case .play(let list, _) = actions.last else { Issue.record("no announcement"); return [] }
        return program.names(of: list)
    }

    @Test func positionAndWaitAreReadAsWords() throws {
        let program = try #require(wordFlow())
        #expect(announcement(program, position: 12, wait: 45 * 60) == [
            "queue-position", "number-12", "queue-wait", "number-40", "digit-5", "minutes", "please-hold"])
        #expect(announcement(program, position: 300, wait: 110 * 60) == [
            "queue-position", "digit-3", "number-hundred",
            "queue-wait", "digit-1", "number-hundred", "number-and", "number-10", "minutes", "please-hold"])
    }

    /// "About one minute", not "one minutes", when the library has `minute`; `minutes` otherwise.
    @Test func aOneMinuteWaitIsSingular() throws {
        let singular = try #require(FlowTest.program(Self.yaml, prompts: Self.prompts.union(NumberWord.promptNames).union(["minute"])))
        #expect(announcement(singular, position: 2, wait: 50) == [
            "queue-position", "digit-2", "queue-wait", "digit-1", "minute", "please-hold"])
        #expect(announcement(singular, position: 2, wait: 150) == [
            "queue-position", "digit-2", "queue-wait", "digit-3", "minutes", "please-hold"])
        let plural = try #require(wordFlow())
        #expect(announcement(plural, position: 2, wait: 50).contains("minutes"), "no `minute` prompt: `minutes` is said")
    }

    @Test func withoutTheWordPromptsNumbersAreReadDigitByDigit() throws {
        let program = try #require(queueFlow())
        #expect(!program.speaksNumberWords)
        #expect(announcement(program, position: 12, wait: 21 * 60) == [
            "queue-position", "digit-1", "digit-2", "queue-wait", "digit-2", "digit-1", "minutes", "please-hold"])
    }

    @Test func theLongestAnnouncementFitsInAPromptList() throws {
        // 5 words for each number below 1000, 5 digits for each up to 99 999: 13 prompts, then `announce`.
        let program = try #require(wordFlow())
        let words = announcement(program, position: 777, wait: 373 * 60)
        #expect(words == ["queue-position", "digit-7", "number-hundred", "number-and", "number-70", "digit-7",
                          "queue-wait", "digit-3", "number-hundred", "number-and", "number-70", "digit-3",
                          "minutes", "please-hold"])
        let digits = announcement(program, position: 99_999, wait: 99_999 * 60)
        #expect(digits.count == QueueReader.maxNumberPrompts(position: true, wait: true) + 1)
        #expect(digits.last == "please-hold")
        #expect(QueueReader.maxNumberPrompts(position: true, wait: true) + 7 == PromptList.capacity)
    }

    @Test func aScriptedCallHearsItsPlaceInLineAsWords() throws {
        let program = try #require(wordFlow())
        var options = ScriptedCall.Options(callerID: "+441632960123", start: FlowTest.date("2026-11-23T10:00"))
        options.queuePosition = 12
        options.estimatedWait = 21 * 60
        let t = ScriptedCall(program: program, options: options).run(try KeyScript("w31 hangup"))
        #expect(FlowTest.lines(t, ["prompt", "music"]) == [
            "0 music calm", "20 prompt queue-position", "22 prompt number-12", "24 prompt queue-wait",
            "26 prompt number-20", "28 prompt digit-1", "30 prompt minutes",
        ])
    }

    @Test func emptyQueueGoesToOnEmpty() throws {
        let program = try #require(queueFlow())
        let actions = drive([(3, .queueEmpty)], program: program)
        #expect(actions.suffix(3) == [.stopMusic, .enterStep(program.stepIndex(named: "bye")!),
                                      .hangUp(CallOutcome(result: .completed, queue: 0, mailbox: -1, callback: false, callbackQueue: -1))])
    }

    @Test func staleTimersAndLateEventsAreIgnored() throws {
        let program = try #require(queueFlow())
        let actions = drive([(1, .timerFired(TimerID(kind: .maxWait, serial: 99))), (2, .promptFinished),
                             (3, .recordingStopped(.silence, duration: 4)), (4, .agentDisconnected)], program: program)
        #expect(!actions.contains { if case .hangUp = $0 { return true } else { return false } })
        #expect(!actions.contains { if case .leaveQueue = $0 { return true } else { return false } })
    }
}
