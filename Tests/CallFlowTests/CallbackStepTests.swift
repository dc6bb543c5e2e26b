import Testing
@testable import CallFlow

/// Callback steps: confirm the caller ID, key in another number, withheld numbers, timing.
@Suite struct CallbackStepTests {
    func flow(_ options: String, hold: Bool = false) -> FlowProgram? {
        FlowTest.program("""
        variables: {topic: general}
        schedules:
          shop: {timezone: Europe/London, weekly: {mon-fri: 09:00-17:00}}
        steps:
          start:
            \(hold ? "queue: sales" : "goto: cb")
            \(hold ? "keys: {\"2\": cb}" : "")
          cb:
            callback: sales
            number_prompt: number-is
            confirm_prompt: press-1
            ask_prompt: key-in
            done_prompt: done
        \(options.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
            on_failure: failed
            next: hangup
          failed:
            hangup: completed
        """, prompts: Set(["number-is", "press-1", "key-in", "done", "music/default"])
            .union(NumberWord.promptNames))
    }

    @Test func readsBackTheCallerIDAndConfirmsWithOne() throws {
        let program = try #require(flow(""))
        let t = FlowTest.call(program, "w16 1", caller: "+49301234")   // a short (German) number keeps this readable
        #expect(FlowTest.lines(t, ["prompt", "digit", "callback", "hangup"]) == [
            "0 prompt number-is", "2 prompt digit-4", "4 prompt digit-9", "6 prompt digit-3", "8 prompt digit-0",
            "10 prompt digit-1", "12 prompt digit-2", "14 prompt digit-3", "16 prompt digit-4",
            "16.3 digit 1", "16.3 callback sales +49301234 due asap", "16.3 prompt done", "18.3 hangup callback",
        ])
        #expect(t.outcome.callback == "sales")
        #expect(t.outcome.result == "callback")
    }

    @Test func anotherNumberIsKeyedInAndReadBack() throws {
        let program = try #require(flow(""))
        let t = FlowTest.call(program, "w1 01632960001# w30 1", caller: "+49301234")
        let callbacks = t.events("callback").compactMap(\.value)
        #expect(callbacks == ["01632960001 due asap"])
        // The caller ID read-back is interrupted by the first key; the keyed number is read back in full.
        let prompts = t.events("prompt").compactMap(\.name)
        let second = try #require(prompts.indices.filter { prompts[$0] == "number-is" }.dropFirst().first)
        #expect(Array(prompts[second...].prefix(13)) == ["number-is", "digit-0", "digit-1", "digit-6", "digit-3", "digit-2",
                                                         "digit-9", "digit-6", "digit-0", "digit-0", "digit-0", "digit-1",
                                                         "press-1"])
    }

    @Test func phoneNumbersStayDigitByDigitWhenQueueNumbersAreWords() throws {
        let program = try #require(FlowTest.program("""
        steps:
          hold:
            queue: sales
            announce_position: true
            keys: {"2": cb}
          cb:
            callback: sales
            number_prompt: number-is
            confirm_prompt: press-1
            ask_prompt: key-in
        """, prompts: Set(["number-is", "press-1", "key-in", "music/default"]).union(FlowBuilder.announcementPrompts)))
        #expect(program.speaksNumberWords)
        let t = FlowTest.call(program, "w1 2 w20 0120120120#", caller: "+49301234")
        let prompts = t.events("prompt").compactMap(\.name)
        let readBacks = prompts.indices.filter { prompts[$0] == "number-is" }
        #expect(readBacks.count >= 2)
        #expect(Array(prompts[readBacks[0]...].prefix(10)) == ["number-is", "digit-4", "digit-9", "digit-3", "digit-0",
                                                               "digit-1", "digit-2", "digit-3", "digit-4", "press-1"])
        #expect(Array(prompts[readBacks[1]...].prefix(12)) == ["number-is", "digit-0", "digit-1", "digit-2", "digit-0",
                                                               "digit-1", "digit-2", "digit-0", "digit-1", "digit-2",
                                                               "digit-0", "press-1"])
        #expect(!prompts.contains { $0.hasPrefix("number-") && $0 != "number-is" })
    }

    @Test func withheldCallerIsAskedForANumber() throws {
        let program = try #require(flow("confirm: false"))
        let t = FlowTest.call(program, "w1 07700900123#", caller: "")
        #expect(t.events("prompt").first?.name == "key-in")
        #expect(t.events("callback").compactMap(\.value) == ["07700900123 due asap"])
    }

    @Test func tooShortNumbersAndSilenceRunOutToOnFailure() throws {
        let program = try #require(flow("number: ask\nmax_attempts: 2"))
        let t = FlowTest.call(program, "w1 12#")
        #expect(FlowTest.lines(t, ["prompt", "timeout", "step"]) == [
            "0 step start", "0 step cb", "0 prompt key-in", "1.9 prompt key-in", "8.9 timeout first-digit",
            "8.9 step failed",
        ])
        #expect(t.events("callback").isEmpty)
    }

    @Test func interDigitTimeoutEndsANumberWithoutHash() throws {
        let program = try #require(flow("number: ask\nconfirm: false\ninter_digit_timeout: 3s"))
        let t = FlowTest.call(program, "w1 0123456789")
        #expect(FlowTest.lines(t, ["timeout", "callback"]) == ["7 timeout inter-digit", "7 callback sales 0123456789 due asap"])
    }

    @Test func aKeyedNumberThatIsNotAPhoneNumberIsAskedAgainThenOnFailure() throws {
        // 7 digits pass min_digits (6) but are no UK number: never booked, asked again, then on_failure.
        let program = try #require(flow("number: ask\nconfirm: false\nmax_attempts: 2"))
        let t = FlowTest.call(program, "w1 2123456# w3 2123456#")
        #expect(t.events("callback").isEmpty)
        #expect(t.events("prompt").compactMap(\.name) == ["key-in", "key-in"])
        #expect(t.events("step").compactMap(\.name).last == "failed")
        #expect(t.outcome.result != "callback")
    }

    @Test func aValidNumberAfterAnInvalidOneIsBooked() throws {
        let program = try #require(flow("number: ask\nconfirm: false"))
        let t = FlowTest.call(program, "w1 2123456# w3 02079460018#")
        #expect(t.events("prompt").compactMap(\.name) == ["key-in", "key-in", "done"])
        #expect(t.events("callback").compactMap(\.value) == ["02079460018 due asap"])
        #expect(t.outcome.result == "callback")
    }

    @Test func rejectingTheReadBackAndKeyingAnUnusableNumberIsNotBooked() throws {
        // The reviewer's repro: decline the caller ID with 2, key 2123456#, confirm with 1.
        let program = try #require(flow("when: keep_place", hold: true))
        let t = FlowTest.call(program, "w1 2 w3 2 w1 123456# 1")
        #expect(t.events("callback").isEmpty)
        #expect(t.outcome.result != "callback")
    }

    @Test func aCallerIDThatIsNotAPhoneNumberIsTreatedAsWithheld() throws {
        let program = try #require(flow(""))
        let t = FlowTest.call(program, "w1 07700900123# w30 1", caller: "12345")
        #expect(t.events("prompt").first?.name == "key-in")
        #expect(t.events("callback").compactMap(\.value) == ["07700900123 due asap"])
    }

    @Test func nationalNumbersAreReadInTheFlowsRegion() throws {
        let program = try #require(FlowTest.program("""
        schedules:
          shop: {timezone: America/New_York, weekly: {mon-fri: 09:00-17:00}}
        steps:
          cb:
            callback: sales
            number: ask
            confirm: false
            ask_prompt: key-in
        """, prompts: ["key-in", "music/default"]))
        #expect(program.phoneRegion == .nanp)
        let t = FlowTest.call(program, "w1 2025550123#")   // a US number; as a UK one it has no trunk 0
        #expect(t.events("callback").compactMap(\.value) == ["2025550123 due asap"])
    }

    @Test func keepPlaceRemembersWhenTheCallerJoined() throws {
        let program = try #require(flow("when: keep_place\nconfirm: false", hold: true))
        let t = FlowTest.call(program, "w30 2")
        #expect(t.events("callback").compactMap(\.value) == ["+441632960123 due keep-place (joined at 0s)"])
        #expect(t.events("leave-queue").compactMap(\.value) == ["key 2"])
    }

    @Test func nextOpeningIsTheScheduleOpening() throws {
        let program = try #require(flow("when: next_opening\nconfirm: false"))
        let t = FlowTest.call(program, "", at: "2026-11-27T18:00")   // Friday evening
        #expect(t.events("callback").compactMap(\.value) == ["+441632960123 due 2026-11-30T09:00:00"])
    }
}

extension CallbackStepTests {
    /// A UK caller hears their number as they know it: "oh seven seven oh oh …", not "four four …".
    @Test func aCallerFromTheFlowsCountryHearsTheNationalForm() throws {
        let program = try #require(FlowTest.program("""
        schedules:
          shop: {timezone: Europe/London, weekly: {mon-fri: 09:00-17:00}}
        steps:
          cb:
            callback: sales
            number_prompt: number-is
            confirm_prompt: press-1
        """, prompts: Set(["number-is", "press-1", "music/default", "digit-oh"]).union(NumberWord.promptNames)))
        let t = FlowTest.call(program, "w30 1", caller: "+447700900123")
        let prompts = t.events("prompt").compactMap(\.name)
        #expect(Array(prompts.prefix(13)) == ["number-is", "digit-oh", "digit-7", "digit-7", "digit-oh", "digit-oh", "digit-9",
                                              "digit-oh", "digit-oh", "digit-1", "digit-2", "digit-3", "press-1"])
        #expect(t.events("callback").compactMap(\.value).first?.hasPrefix("+447700900123 due") == true, "booked in E.164")
        // Without a `digit-oh` prompt, 0 is `digit-0`; a caller from elsewhere keeps the international form.
        let plain = try #require(flow(""))
        let national = FlowTest.call(plain, "w30 1", caller: "+441632960123").events("prompt").compactMap(\.name)
        #expect(Array(national.prefix(3)) == ["number-is", "digit-0", "digit-1"])
        let german = FlowTest.call(program, "w30 1", caller: "+49301234").events("prompt").compactMap(\.name)
        #expect(Array(german.prefix(3)) == ["number-is", "digit-4", "digit-9"])
    }
}
