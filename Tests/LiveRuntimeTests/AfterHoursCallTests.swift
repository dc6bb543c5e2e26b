import CallFlow
import CallQueue
import Foundation
import SoundIO
import Storage
import Testing
@testable import LiveRuntime

/// After hours: a callback due at the next opening, then a message that ends on the silence rule.
@Suite struct AfterHoursCallTests {
    @Test func callbackAndMessageAfterHours() throws {
        let harness = try LineHarness()
        let speech = try Speech.say("Hi, it is Alex, please ring me tomorrow morning about my order.", in: harness.dir)
        var script = CaptureScript()
        // after-hours prompt, then (callback stored, no prompt) the beep and recording.
        let recordStart = Double(harness.prompt("after-hours").count) / 8000 + 0.04 + 0.25 + 0.05
        script.silence(until: recordStart + 0.5)
        script.say(speech)
        script.silence(until: script.seconds + 30)
        let evening = ScriptedCall.parseLocalTime("2026-11-23T19:00", in: TimeZone(identifier: "Europe/London")!)!
        let (result, playback) = try harness.run(capture: script.samples, start: evening)

        #expect(result.outcome?.result == .voicemail)
        #expect(result.transcript.events("record-end").first?.value?.hasPrefix("silence") == true)
        let callbacks = try harness.store.callbacks()
        let callback = try #require(callbacks.first)
        #expect(callbacks.count == 1)
        #expect(callback.number == "+441632960123")
        #expect(callback.source == .afterHours)
        let row = try #require(try harness.store.voicemails().first)
        #expect(row.step == "after-hours-message")
        let speechSeconds = Double(speech.count) / 8000
        #expect(abs(row.duration - speechSeconds) < 0.6, "trailing silence trimmed")
        #expect(Locate.find(harness.prompt("goodbye"), in: playback) != nil)
    }
}
