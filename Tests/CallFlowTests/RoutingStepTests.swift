import Testing
@testable import CallFlow

/// hours, goto, set, hangup, and variables carried into queues.
@Suite struct RoutingStepTests {
    static let yaml = """
    start: when
    variables: {topic: general, lang: en}
    schedules:
      office:
        timezone: America/New_York
        weekly: {mon-fri: 08:00-18:00}
        holidays: [2026-11-26]
      support:
        timezone: Asia/Tokyo
        weekly: {daily: 00:00-24:00}
    steps:
      when:
        hours: office
        open: open-set
        closed: closed-msg
        holiday: holiday-msg
      open-set:
        set: {topic: sales, lang: fr}
        next: hop
      hop:
        goto: q
      q:
        queue: sales
        max_wait: 10s
        on_timeout: done
      done:
        hangup: completed
      closed-msg:
        play: closed
        next: always
      always:
        hours: support
        open: bye
        closed: bye
      holiday-msg:
        play: holiday
        next: hangup
      bye:
        hangup:
    """

    func run(_ at: String) throws -> Transcript {
        let program = try #require(FlowTest.program(Self.yaml))
        // --at is read in the flow's zone (its first schedule's).
        var options = ScriptedCall.Options(callerID: "+12025550123", start: ScriptedCall.parseLocalTime(at, in: program.timeZone)!)
        options.defaultPromptLength = 2
        return ScriptedCall(program: program, options: options).run(try KeyScript(""))
    }

    @Test func openRoutesThroughSetAndGotoWithVariables() throws {
        let t = try run("2026-11-24T08:00")
        #expect(t.events("step").compactMap(\.name) == ["when", "open-set", "hop", "q", "done"])
        #expect(t.events("enqueue").compactMap(\.value) == ["topic sales"])
        #expect(t.outcome.result == "completed")
        #expect(t.startedAt == "2026-11-24T08:00:00")
    }

    @Test func closedUsesTheClosedExit() throws {
        let t = try run("2026-11-24T18:00")
        #expect(t.events("step").compactMap(\.name) == ["when", "closed-msg", "always", "bye"])
    }

    @Test func holidayUsesTheHolidayExit() throws {
        let t = try run("2026-11-26T10:00")
        #expect(t.events("step").compactMap(\.name) == ["when", "holiday-msg"])
        #expect(t.events("hangup").compactMap(\.value) == ["completed"])
    }

    @Test func holidayFallsBackToClosed() throws {
        let yaml = Self.yaml.replacingOccurrences(of: "    holiday: holiday-msg\n", with: "")
        let program = try #require(FlowTest.program(yaml))
        let start = ScriptedCall.parseLocalTime("2026-11-26T10:00", in: program.timeZone)!
        let t = ScriptedCall(program: program, options: .init(callerID: nil, start: start)).run(try KeyScript(""))
        #expect(t.events("step").compactMap(\.name).prefix(2) == ["when", "closed-msg"])
    }

    @Test func hangupStepCanNameTheResult() throws {
        let program = try #require(FlowTest.program("steps:\n  a:\n    hangup: voicemail\n"))
        let t = FlowTest.call(program, "")
        #expect(t.outcome.result == "voicemail")
    }

    @Test func lastStepFallsThroughToHangUp() throws {
        let program = try #require(FlowTest.program("steps:\n  a:\n    play: one\n  b:\n    play: two\n"))
        let t = FlowTest.call(program, "")
        #expect(FlowTest.lines(t, ["step", "prompt", "hangup"]) == [
            "0 step a", "0 prompt one", "2 step b", "2 prompt two", "4 hangup completed"])
    }

    @Test func callerHangingUpOutsideAQueueIsHungUp() throws {
        let program = try #require(FlowTest.program("steps:\n  a:\n    play: long\n"))
        let t = FlowTest.call(program, "w1 hangup")
        #expect(t.outcome.result == "hung-up")
    }
}

/// The read-only step views drivers use.
@Suite struct IntrospectionTests {
    @Test func storeStepsKindsAndKeys() throws {
        let program = StoreFlow.program
        let menu = try #require(program.stepIndex(named: "main-menu"))
        #expect(program.kind(ofStep: menu) == .menu)
        #expect(program.choiceKeys(ofStep: menu).map(\.string) == ["1", "2", "3", "0"])
        #expect(program.menuTimeouts(ofStep: menu)?.firstDigit == 5)
        let orders = try #require(program.stepIndex(named: "orders"))
        #expect(program.kind(ofStep: orders) == .queue)
        #expect(program.choiceKeys(ofStep: orders).map(\.string) == ["1", "2"])
        #expect(program.kind(ofStep: program.start) == .hours)
    }
}

/// Calendar questions use the time elapsed since the call started, whatever the clock's origin.
@Suite struct ClockOriginTests {
    @Test func hoursUseElapsedTimeNotTheRawClock() throws {
        let program = StoreFlow.program
        let interpreter = CallInterpreter(program: program)
        var call = CallState()
        var actions: [CallAction] = []
        // A simulator clock that is already at day 3 when this call starts at 10:00 on a Monday.
        interpreter.handle(.callStarted(callerID: "+441632960123", at: FlowTest.date("2026-11-23T10:00")),
                           now: 3 * 86_400, call: &call, actions: &actions)
        #expect(actions.contains(.enterStep(program.stepIndex(named: "greeting")!)))
        #expect(call.calendarDate(at: 3 * 86_400 + 60) == FlowTest.date("2026-11-23T10:01"))
    }
}
