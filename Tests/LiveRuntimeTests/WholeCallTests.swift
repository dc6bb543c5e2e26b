import CallFlow
import Foundation
import SoundIO
import Storage
import Telephony
import Testing
@testable import LiveRuntime

/// A whole call through ALSA (`file` plugin): keys and speech in, prompts out, a voicemail kept.
@Suite(.serialized) struct WholeCallTests {
    /// The caller's side: "1" during the greeting, "1" while holding, speech after the beep, then "#".
    static func script(_ harness: LineHarness, speech: [Int16], finish: Bool = true) -> CaptureScript {
        var script = CaptureScript()
        script.silence(until: 0.8)
        script.key("1")                                  // interrupts the greeting: orders
        script.silence(until: 2.5)
        script.key("1")                                  // leave a message
        let recordStart = 2.5 + 0.1 + Double(harness.prompt("voicemail-prompt").count) / 8000 + 0.3
        script.silence(until: recordStart + 1.0)
        script.say(speech)
        script.silence(until: script.seconds + 1.0)
        if finish { script.key("#") }
        script.silence(until: script.seconds + 20)
        return script
    }

    @Test func callerLeavesAMessage() throws {
        let harness = try LineHarness()
        let speech = try Speech.say("Hello, this is Sam. My parcel has not arrived yet, please call me back this afternoon.",
                                    in: harness.dir)
        let script = Self.script(harness, speech: speech)
        let (result, playback) = try harness.run(capture: script.samples)

        #expect(result.lineError == nil)
        #expect(result.outcome?.result == .voicemail)
        let prompts = result.transcript.events.filter { $0.type == "prompt" || $0.type == "beep" }.map { $0.name ?? "beep" }
        #expect(prompts == ["greeting", "voicemail-prompt", "beep", "message-thanks"])

        // The greeting starts the playback and stops soon after the key's tone ends.
        let greeting = harness.prompt("greeting")
        let greetingAt = try #require(Locate.find(greeting, in: playback))
        let heard = Locate.matchingLength(greeting, in: playback, at: greetingAt)
        #expect(heard < greeting.count)
        let toneEnd = script.keys[0].end
        let stopLatency = greetingAt + heard - toneEnd
        #expect(stopLatency <= 480 + 160, "greeting stopped \(stopLatency) samples after the tone ended")

        // Then the voicemail prompt in full, the beep, and the thanks in full, in that order.
        let prompt = harness.prompt("voicemail-prompt")
        let promptAt = try #require(Locate.find(prompt, in: playback, from: greetingAt + heard))
        #expect(Locate.matchingLength(prompt, in: playback, at: promptAt) == prompt.count)
        let beepAt = try #require(Locate.find(ToneGenerator.render(.voicemailBeep), in: playback, from: promptAt))
        #expect(beepAt >= promptAt + prompt.count)
        let thanks = harness.prompt("message-thanks")
        let thanksAt = try #require(Locate.find(thanks, in: playback, from: beepAt))
        #expect(Locate.matchingLength(thanks, in: playback, at: thanksAt) == thanks.count)
        #expect(thanksAt > script.keys[2].start)
        let hangUp = try #require(result.transcript.events("hangup").first)
        #expect(Int((hangUp.t * 8000).rounded()) >= thanksAt + thanks.count, "the flow hangs up once the thanks played out")

        // The message: the speech, trimmed, without the # tone; its row in the store.
        let rows = try harness.store.voicemails()
        let row = try #require(rows.first)
        #expect(rows.count == 1)
        #expect(row.caller == "+441632960123")
        #expect(row.flow == "store")
        #expect(row.step == "leave-message")
        #expect(row.topic == "orders-and-delivery")
        #expect(row.status == .new)
        let message = try SoundFile.read(harness.store.recordingURL(of: row).path)
        #expect(abs(Double(message.count) / 8000 - row.duration) < 0.01)
        #expect(Locate.find(speech, in: message) != nil)
        #expect(DTMFReceiver.detect(message).isEmpty)
        let speechSeconds = Double(speech.count) / 8000
        #expect(row.duration <= speechSeconds + 0.25)
        #expect(row.duration >= speechSeconds - 0.6)
        let record = try #require(try harness.store.callRecords().first)
        #expect(record.outcome == "voicemail")
        #expect(record.queue == "orders")
        #expect(record.caller == "+441632960123")
        print("live call: greeting stopped \(stopLatency) samples (\(Double(stopLatency) / 8) ms) after the key tone ended; message \(row.duration) s of \(speechSeconds) s speech")
    }

    @Test func hangUpMidMessageKeepsIt() throws {
        let harness = try LineHarness()
        let speech = try Speech.say("I am calling about my order number four two seven, it arrived damaged and I would like a replacement please.",
                                    in: harness.dir)
        let script = Self.script(harness, speech: speech, finish: false)
        let hangUpAt = script.speech[0].start + 4 * 8000
        let control = LineControl()
        let (result, _) = try harness.run(capture: script.samples, control: control) {
            ScriptedSource($0, after: hangUpAt, .hangUp(control))
        }
        #expect(result.transcript.events("caller-hangup").count == 1)
        let row = try #require(try harness.store.voicemails().first)
        let message = try SoundFile.read(harness.store.recordingURL(of: row).path)
        #expect(row.duration > 3.5 && row.duration < 4.3)
        #expect(Locate.find(speech, in: message) != nil)
    }

    @Test func unpluggedMidMessageEndsCleanlyAndKeepsIt() throws {
        let harness = try LineHarness()
        let speech = try Speech.say("Please call me back about the refund for the blue jumper I returned last week.", in: harness.dir)
        let script = Self.script(harness, speech: speech, finish: false)
        let failAt = script.speech[0].start + 4 * 8000
        let unplugged = AudioLineError(kind: .unplugged, pcm: "cap", operation: "read", alsa: "No such device", code: -19)
        let (result, _) = try harness.run(capture: script.samples) { ScriptedSource($0, after: failAt, .fail(unplugged)) }
        let error = try #require(result.lineError)
        #expect(error.description.contains("reconnect"))
        let row = try #require(try harness.store.voicemails().first)
        #expect(FileManager.default.fileExists(atPath: harness.store.recordingURL(of: row).path))
        #expect(row.duration > 3.5)
    }

    @Test func tooShortMessageIsDropped() throws {
        let harness = try LineHarness()
        let speech = try Speech.say("Hello?", in: harness.dir)
        let script = Self.script(harness, speech: speech)
        let (result, _) = try harness.run(capture: script.samples)
        #expect(result.transcript.events("voicemail").first?.value?.hasPrefix("dropped") == true)
        #expect(try harness.store.voicemails().isEmpty)
        let folder = harness.store.directory.voicemailURL.path
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }

    /// The shortest key Q.24 asks a receiver to accept (40 ms) still stops the greeting in time.
    @Test(arguments: [0.040, 0.100, 0.250])
    func keyStopsTheGreetingInTime(toneSeconds: Double) throws {
        let harness = try LineHarness()
        var script = CaptureScript()
        script.silence(until: 0.5)
        script.key("1", seconds: toneSeconds)
        script.silence(until: 30)
        let control = LineControl()
        let (_, playback) = try harness.run(capture: script.samples, control: control) {
            ScriptedSource($0, after: 3 * 8000, .hangUp(control))
        }
        let greeting = harness.prompt("greeting")
        let at = try #require(Locate.find(greeting, in: playback))
        let heard = Locate.matchingLength(greeting, in: playback, at: at)
        let latency = at + heard - script.keys[0].end
        #expect(heard < greeting.count)
        #expect(latency <= 480 + 160, "stopped \(latency) samples after a \(toneSeconds) s tone ended")
        print("barge-in: \(Int(toneSeconds * 1000)) ms tone, greeting stopped \(latency) samples (\(Double(latency) / 8) ms) after the tone ended")
    }
}
