import Testing
@testable import CallFlow

/// Menus: barge-in, type-ahead, timeouts, multi-key choices, terminator, counters.
@Suite struct MenuStepTests {
    func flow(_ menuOptions: String, playOptions: String = "interruptible: false") -> FlowProgram? {
        FlowTest.program("""
        steps:
          intro:
            play: intro
            \(playOptions)
            next: m
          m:
            menu: long
            short_prompt: short
            no_input_prompt: nothing
            invalid_prompt: wrong
        \(menuOptions.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
            on_no_input: gone
            on_invalid: bad
          one:
            hangup: completed
          twelve:
            hangup: completed
          thirty-four:
            hangup: completed
          gone:
            hangup: hung-up
          bad:
            hangup: completed
        """)
    }

    let choices = "choices: {\"1\": one, \"12\": twelve, \"34\": thirty-four}"

    func steps(_ t: Transcript) -> [String] { t.events("step").compactMap(\.name) }

    @Test func keyDuringNonInterruptiblePromptIsTypeAheadAndSkipsTheMenuPrompt() throws {
        let program = try #require(flow(choices))
        let t = FlowTest.call(program, "3 4")   // both during the intro
        #expect(FlowTest.lines(t, ["prompt", "digit", "step"]) == [
            "0 step intro", "0 prompt intro", "0.3 digit 3", "0.6 digit 4", "2 step m", "2 step thirty-four",
        ])
    }

    @Test func interruptiblePlayStopsOnAKeyAndKeepsIt() throws {
        let program = try #require(flow(choices, playOptions: "interruptible: true"))
        let t = FlowTest.call(program, "3 4")
        #expect(FlowTest.lines(t, ["prompt", "digit", "step", "stop-prompt"]) == [
            "0 step intro", "0 prompt intro", "0.3 digit 3", "0.3 stop-prompt", "0.3 step m", "0.6 digit 4",
            "0.6 step thirty-four",
        ])
    }

    @Test func bargeInDuringMenuPromptCounts() throws {
        let program = try #require(flow(choices))
        let t = FlowTest.call(program, "w2.5 3 4")
        #expect(FlowTest.lines(t, ["prompt", "digit", "step", "stop-prompt"]) == [
            "0 step intro", "0 prompt intro", "2 step m", "2 prompt long", "2.8 digit 3", "2.8 stop-prompt",
            "3.1 digit 4", "3.1 step thirty-four",
        ])
    }

    @Test func nonInterruptibleMenuPromptKeepsKeysUntilItEnds() throws {
        let program = try #require(flow(choices + "\ninterruptible: false"))
        let t = FlowTest.call(program, "w2.5 3 4")
        #expect(FlowTest.lines(t, ["prompt", "digit", "step", "stop-prompt"]) == [
            "0 step intro", "0 prompt intro", "2 step m", "2 prompt long", "2.8 digit 3", "3.1 digit 4",
            "4 step thirty-four",
        ])
    }

    @Test func fixedLengthChoiceDoesNotWait() throws {
        let program = try #require(flow(choices))
        let t = FlowTest.call(program, "w5 3 4")
        #expect(t.events("step").last?.t == 5.6)
        #expect(t.events("timeout").isEmpty)
    }

    @Test func prefixChoiceWaitsForTheInterDigitTimeout() throws {
        let program = try #require(flow(choices + "\ninter_digit_timeout: 2s"))
        let t = FlowTest.call(program, "w5 1")
        #expect(FlowTest.lines(t, ["digit", "timeout", "step"]).suffix(3) == [
            "5.3 digit 1", "7.3 timeout inter-digit", "7.3 step one",
        ])
    }

    @Test func secondKeyWithinTheGapCompletesTheLongerChoice() throws {
        let program = try #require(flow(choices))
        let t = FlowTest.call(program, "w5 1 w1 2")
        #expect(steps(t).last == "twelve")
        #expect(t.events("step").last?.t == 6.6)
    }

    @Test func terminatorEndsEntryAtOnce() throws {
        let program = try #require(flow(choices))
        let t = FlowTest.call(program, "w5 1#")
        #expect(FlowTest.lines(t, ["digit", "timeout", "step"]).suffix(3) == ["5.3 digit 1", "5.6 digit #", "5.6 step one"])
    }

    @Test func keyThatStartsNoChoiceIsInvalidAtOnce() throws {
        let program = try #require(flow(choices))
        let t = FlowTest.call(program, "w5 9")
        #expect(FlowTest.lines(t, ["digit", "prompt"]).dropFirst(2).prefix(3) == ["5.3 digit 9", "5.3 prompt wrong", "7.3 prompt short"])
    }

    @Test func maxDigitsEndsEntry() throws {
        let program = try #require(flow("choices: {\"1\": one, \"12\": twelve}\nmax_digits: 2"))
        let t = FlowTest.call(program, "w5 13")
        #expect(FlowTest.lines(t, ["digit", "prompt"]).dropFirst(2).prefix(4) == ["5.3 digit 1", "5.6 digit 3", "5.6 prompt wrong", "7.6 prompt short"])
    }

    @Test func firstDigitTimeoutIsConfigurable() throws {
        let program = try #require(flow(choices + "\ntimeout: 8s\nmax_no_input: 1"))
        let t = FlowTest.call(program, "")
        #expect(FlowTest.lines(t, ["timeout", "step", "hangup"]).suffix(3) == ["12 timeout first-digit", "12 step gone", "12 hangup hung-up"])
    }

    @Test func invalidAttemptsRunOutToOnInvalid() throws {
        let program = try #require(flow(choices + "\nmax_invalid: 2"))
        let t = FlowTest.call(program, "w5 9 w5 8")
        #expect(FlowTest.lines(t, ["digit", "step"]).suffix(3) == ["5.3 digit 9", "10.6 digit 8", "10.6 step bad"])
    }

    @Test func noInputAndInvalidCountersAreSeparate() throws {
        // max 2 each: invalid, silence, invalid → on_invalid (not on_no_input after the 2nd failure).
        let program = try #require(flow(choices + "\nmax_invalid: 2\nmax_no_input: 2"))
        let t = FlowTest.call(program, "w5 9 w10 9")
        #expect(steps(t).last == "bad")
        #expect(t.events("timeout").count == 1)
    }

    @Test func retriesUseTheShortPrompt() throws {
        let program = try #require(flow(choices))
        let t = FlowTest.call(program, "")
        let prompts = t.events("prompt").compactMap(\.name)
        #expect(prompts == ["intro", "long", "nothing", "short", "nothing", "short"])
    }

    @Test func terminatorNoneAllowsHashInChoices() throws {
        let program = try #require(flow("choices: {\"1#\": one, \"2\": twelve}\nterminator: none"))
        let t = FlowTest.call(program, "w5 1#")
        #expect(steps(t).last == "one")
    }
}
