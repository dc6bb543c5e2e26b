import Foundation
import Testing
@testable import CallFlow

/// Whole-call transcripts for the basic step kinds.
@Suite struct CallInterpreterTests {
    static let flow = """
    name: basic
    variables:
      topic: general
    steps:
      welcome:
        play: [hello, intro]
        next: main
      main:
        menu: main-menu
        short_prompt: main-short
        no_input_prompt: sorry-no-input
        invalid_prompt: sorry-invalid
        choices:
          "1": {goto: hold, set: {topic: orders}}
          "2": message
          "9": bye
        on_no_input: bye
        on_invalid: bye
      hold:
        queue: orders
        announce: please-hold
        announce_every: 30s
        max_wait: 70s
        keys: {"1": message}
        on_timeout: message
      message:
        voicemail: general
        greeting: leave-message
        max_length: 60s
        min_length: 3s
        silence: 4s
      bye:
        play: goodbye
        next: hangup
    """

    @Test func playThenMenuChoiceGoesToQueueWithTopic() throws {
        let program = try #require(FlowTest.program(Self.flow))
        let t = FlowTest.call(program, "w5 1 hangup")
        #expect(FlowTest.lines(t, ["step", "prompt", "digit", "enqueue", "hangup"]) == [
            "0 step welcome", "0 prompt hello", "2 prompt intro", "4 step main", "4 prompt main-menu",
            "5.3 digit 1", "5.3 step hold", "5.3 enqueue orders topic orders", "5.3 hangup abandoned",
        ])
        #expect(t.outcome.result == "abandoned")
        #expect(t.outcome.queue == "orders")
    }

    @Test func silentCallerHearsShortPromptThenLeaves() throws {
        let program = try #require(FlowTest.program(Self.flow))
        let t = FlowTest.call(program, "")
        #expect(FlowTest.lines(t, ["prompt", "timeout", "hangup"]) == [
            "0 prompt hello", "2 prompt intro", "4 prompt main-menu", "11 timeout first-digit",
            "11 prompt sorry-no-input", "13 prompt main-short", "20 timeout first-digit",
            "20 prompt sorry-no-input", "22 prompt main-short", "29 timeout first-digit",
            "29 prompt goodbye", "31 hangup completed",
        ])
        #expect(t.outcome.result == "completed")
    }

    @Test func queueAnnouncesAndTimesOutToVoicemail() throws {
        let program = try #require(FlowTest.program(Self.flow))
        let t = FlowTest.call(program, "w5 1 w66 talk10")
        #expect(FlowTest.lines(t, ["prompt", "music", "leave-queue", "beep", "record", "record-end", "voicemail", "hangup"]) == [
            "0 prompt hello", "2 prompt intro", "4 prompt main-menu", "5.3 music default",
            "35.3 prompt please-hold", "37.3 music default", "65.3 prompt please-hold", "67.3 music default",
            "75.3 leave-queue orders timeout", "75.3 prompt leave-message", "77.3 beep", "77.8 record general",
            "85.3 record-end silence 3.5s", "85.3 voicemail general saved 3.5s", "85.3 prompt goodbye",
            "87.3 hangup voicemail",
        ])
        #expect(t.outcome.result == "voicemail")
        #expect(t.outcome.mailbox == "general")
    }

    @Test func exitKeyLeavesQueueAndShortMessageIsDropped() throws {
        let program = try #require(FlowTest.program(Self.flow))
        let t = FlowTest.call(program, "w5 1 w10 1 w3 talk1 #")
        #expect(FlowTest.lines(t, ["leave-queue", "record", "record-end", "voicemail", "hangup"]) == [
            "15.6 leave-queue orders key 1", "18.1 record general", "19.9 record-end finish-key 1.8s",
            "19.9 voicemail general dropped 1.8s (too short)", "21.9 hangup completed",
        ])
    }

    @Test func callerHangingUpDuringMessageKeepsIt() throws {
        let program = try #require(FlowTest.program(Self.flow))
        let t = FlowTest.call(program, "w5 2 talk8 hangup")
        #expect(FlowTest.lines(t, ["record", "record-end", "voicemail", "hangup"]) == [
            "7.8 record general", "13.3 record-end hang-up 5.5s", "13.3 voicemail general saved 5.5s",
            "13.3 hangup voicemail",
        ])
    }

    @Test func invalidKeyCountsSeparatelyFromNoInput() throws {
        let program = try #require(FlowTest.program(Self.flow))
        let t = FlowTest.call(program, "w5 7 w6 8")
        #expect(FlowTest.lines(t, ["prompt", "digit", "timeout"]).prefix(11) == [
            "0 prompt hello", "2 prompt intro", "4 prompt main-menu", "5.3 digit 7",
            "5.3 prompt sorry-invalid", "7.3 prompt main-short", "11.6 digit 8",
            "11.6 prompt sorry-invalid", "13.6 prompt main-short", "20.6 timeout first-digit",
            "20.6 prompt sorry-no-input",
        ])
    }
}
