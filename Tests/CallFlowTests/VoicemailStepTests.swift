import Testing
@testable import CallFlow

/// Voicemail steps: greeting, beep, max/min length, silence, finish keys, hang-up.
@Suite struct VoicemailStepTests {
    func flow(_ options: String) -> FlowProgram? {
        FlowTest.program("""
        steps:
          vm:
            voicemail: sales
        \(options.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
            next: saved
            on_too_short: short
          saved:
            hangup:
          short:
            hangup: completed
        """)
    }

    @Test func greetingBeepThenSilenceEndsTheMessage() throws {
        let program = try #require(flow("greeting: [leave, after-tone]\nsilence: 4s"))
        let t = FlowTest.call(program, "w1 talk6")
        #expect(FlowTest.lines(t, ["prompt", "beep", "record", "record-end", "voicemail", "hangup"]) == [
            "0 prompt leave", "2 prompt after-tone", "4 beep", "4.5 record sales",
            "11 record-end silence 2.5s", "11 voicemail sales dropped 2.5s (too short)", "11 hangup completed",
        ])
    }

    @Test func messageLongEnoughIsSaved() throws {
        let program = try #require(flow("beep: false\nmin_length: 2s"))
        let t = FlowTest.call(program, "talk10")
        #expect(FlowTest.lines(t, ["beep", "record", "record-end", "voicemail", "hangup"]) == [
            "0 record sales", "15 record-end silence 10s", "15 voicemail sales saved 10s", "15 hangup voicemail",
        ])
        #expect(t.outcome.mailbox == "sales")
    }

    @Test func maxLengthStopsARambler() throws {
        let program = try #require(flow("beep: false\nmax_length: 30s"))
        let t = FlowTest.call(program, "talk100")
        #expect(FlowTest.lines(t, ["record-end", "voicemail"]) == ["30 record-end max-length 30s", "30 voicemail sales saved 30s"])
    }

    @Test func finishKeyEndsTheMessage() throws {
        let program = try #require(flow("beep: false\nfinish_keys: \"*\""))
        let t = FlowTest.call(program, "talk8 # talk2 *")
        #expect(FlowTest.lines(t, ["digit", "record-end", "voicemail"]) == [
            "8.3 digit #", "10.6 digit *", "10.6 record-end finish-key 10.6s", "10.6 voicemail sales saved 10.6s",
        ])
    }

    @Test func silenceZeroTurnsTheSilenceStopOff() throws {
        let program = try #require(flow("beep: false\nsilence: 0s\nmax_length: 40s"))
        let t = FlowTest.call(program, "talk5")
        #expect(t.events("record-end").map(\.value) == ["max-length 40s"])
    }

    @Test func hangUpDuringTheMessageKeepsIt() throws {
        let program = try #require(flow("beep: true"))
        let t = FlowTest.call(program, "talk7 hangup")
        #expect(FlowTest.lines(t, ["caller-hangup", "record-end", "voicemail", "hangup"]) == [
            "7 caller-hangup", "7 record-end hang-up 6.5s", "7 voicemail sales saved 6.5s", "7 hangup voicemail",
        ])
    }

    @Test func hangUpAtOnceLeavesNoJunkMessage() throws {
        let program = try #require(flow("beep: true"))
        let t = FlowTest.call(program, "w1 hangup")
        #expect(t.events("voicemail").map(\.value) == ["dropped 0.5s (too short)"])
        #expect(t.outcome.result == "hung-up")
    }

    @Test func recordRequestCarriesTheRules() throws {
        let program = try #require(flow("max_length: 2m\nmin_length: 1s\nsilence: 7s\nsilence_threshold: -35dB\nfinish_keys: \"#*\"\nbeep: false"))
        let interpreter = CallInterpreter(program: program)
        var call = CallState()
        var actions: [CallAction] = []
        interpreter.handle(.callStarted(callerID: nil, at: FlowTest.date("2026-11-23T10:00")), now: 0, call: &call, actions: &actions)
        #expect(actions.last == .record(RecordRequest(mailbox: 0, beep: false, maxLength: 120, minLength: 1,
                                                      silenceThreshold: -35, silenceTime: 7, finishKeys: KeySet("#*"))))
    }
}
