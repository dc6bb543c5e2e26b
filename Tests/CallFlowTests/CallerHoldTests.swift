import Foundation
import Testing
@testable import CallFlow

/// The caller holding the call: prompts are withdrawn and played again, key timeouts stop and
/// start afresh, a queue keeps the caller's place with `max_wait` counting on.
@Suite struct CallerHoldTests {
    static let menuFlow = """
    steps:
      m:
        menu: long
        timeout: 5s
        max_no_input: 1
        choices: {"1": one}
        on_no_input: gone
      one:
        hangup: completed
      gone:
        hangup: hung-up
    """

    /// Feeds events to the interpreter and keeps each event's actions.
    struct Driver {
        let interpreter: CallInterpreter
        var state = CallState()

        init(_ program: FlowProgram) { interpreter = CallInterpreter(program: program) }

        mutating func feed(_ event: CallEvent, at now: Double) -> [CallAction] {
            var actions: [CallAction] = []
            interpreter.handle(event, now: now, call: &state, actions: &actions)
            return actions
        }

        func prompt(_ name: String) -> PromptList {
            PromptList([interpreter.program.promptNames.firstIndex(of: name)!])
        }
    }

    static func timers(_ actions: [CallAction]) -> [(TimerID, Double)] {
        actions.compactMap { if case .startTimer(let id, let after) = $0 { (id, after) } else { nil } }
    }

    @Test func aMenuTimeoutDoesNotRunWhileHeldAndStartsAfreshAtTheResume() throws {
        var call = Driver(try #require(FlowTest.program(Self.menuFlow)))
        #expect(call.feed(.callStarted(callerID: nil, at: Date()), at: 0).contains(.play(call.prompt("long"), interruptible: true)))
        let first = try #require(Self.timers(call.feed(.promptFinished, at: 2)).first)
        #expect(first.1 == 5)
        // Held at 3 s: the timer is cancelled, and its firing at 7 s (a driver race) does nothing.
        #expect(call.feed(.callerHeld, at: 3) == [.cancelTimer(first.0)])
        #expect(call.state.isHeld)
        #expect(call.feed(.timerFired(first.0), at: 7).isEmpty)
        #expect(!call.state.hasEnded)
        // Resumed at 30 s: a full 5 s again.
        let again = try #require(Self.timers(call.feed(.callerResumed, at: 30)).first)
        #expect(again.0.kind == .firstDigit && again.1 == 5)
        #expect(!call.state.isHeld)
        let end = call.feed(.timerFired(again.0), at: 35)
        #expect(end.contains { if case .hangUp(let outcome) = $0 { outcome.result == .hungUp } else { false } })
    }

    @Test func aPromptHeldMidwayIsPlayedAgainFromItsStart() throws {
        var call = Driver(try #require(FlowTest.program(Self.menuFlow)))
        _ = call.feed(.callStarted(callerID: nil, at: Date()), at: 0)
        #expect(call.feed(.callerHeld, at: 1) == [.stopPlaying])
        #expect(call.feed(.callerHeld, at: 1.5).isEmpty, "a second hold changes nothing")
        #expect(call.feed(.promptFinished, at: 2).isEmpty, "a stopped prompt's end is stale")
        #expect(call.feed(.callerResumed, at: 9) == [.play(call.prompt("long"), interruptible: true)])
        #expect(Self.timers(call.feed(.promptFinished, at: 11)).first?.1 == 5)
        #expect(call.feed(.callerResumed, at: 12).isEmpty, "a resume without a hold changes nothing")
    }

    @Test func aPromptStartedWhileHeldWaitsForTheResume() throws {
        let program = try #require(FlowTest.program("""
        steps:
          hello:
            play: hello
            interruptible: true
            next: m
          m:
            menu: long
            timeout: 5s
            choices: {"2": one}
          one:
            hangup: completed
        """))
        var call = Driver(program)
        _ = call.feed(.callStarted(callerID: nil, at: Date()), at: 0)
        _ = call.feed(.callerHeld, at: 0.5)
        // A key while held (a phone sending a tone) still moves the flow, but the next prompt waits.
        let moved = call.feed(.digit(.one), at: 1)   // an invalid choice: the menu would say so
        #expect(moved.contains(.enterStep(1)), "\(moved)")
        #expect(!moved.contains { if case .play = $0 { true } else { false } }, "\(moved)")
        #expect(Self.timers(moved).isEmpty, "no key timeout runs while held: \(moved)")
        #expect(call.feed(.callerResumed, at: 8) == [.play(call.prompt("long"), interruptible: true)])
    }

    @Test func aHeldCallerKeepsTheirQueuePlaceAndMaxWaitCountsOn() throws {
        let program = try #require(FlowTest.program(QueueStepTests.yaml, prompts: QueueStepTests.prompts))
        var call = Driver(program)
        let start = call.feed(.callStarted(callerID: nil, at: Date()), at: 0)
        let timers = Self.timers(start)
        let announce = try #require(timers.first { $0.0.kind == .announcement })
        let maxWait = try #require(timers.first { $0.0.kind == .maxWait })
        #expect(maxWait.1 == 100)
        let held = call.feed(.callerHeld, at: 5)
        #expect(held == [.stopMusic], "only the music pauses: \(held)")
        // The announcement due while held is skipped (re-armed, nothing played).
        let skipped = call.feed(.timerFired(announce.0), at: 20)
        #expect(!skipped.contains { if case .play = $0 { true } else { false } }, "\(skipped)")
        #expect(Self.timers(skipped).first?.0.kind == .announcement)
        let resumed = call.feed(.callerResumed, at: 30)
        #expect(resumed == [.startMusic(program.queues[0].music)])
        // max_wait was never cancelled: it ends the wait at 100 s.
        let timeout = call.feed(.timerFired(maxWait.0), at: 100)
        #expect(timeout.contains(.leaveQueue(queue: 0, reason: .timeout)), "\(timeout)")
    }
}
