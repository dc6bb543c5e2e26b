import Foundation
import Telephony
import Testing
@testable import SoundIO

/// A keypad that "hears" `#` at a fixed sample, to test how the recorder cuts the take.
struct ScriptedKeypad: KeypadListener {
    let key: Character
    let atSample: Int
    var seen = 0

    mutating func keyPresses(in samples: [Int16]) -> [(key: Character, startSample: Int)] {
        defer { seen += samples.count }
        return (seen..<seen + samples.count).contains(atSample + 320) ? [(key, atSample)] : []
    }
}

@Suite("Recording takes")
struct PromptRecorderTests {
    let dir = TemporaryDirectory("recorder")

    @Test func stopsOnSilenceAfterSpeechNotBefore() throws {
        let speech = try Speech.say("Welcome to the support line.", in: dir)
        let input = Speech.silence(4) + speech + Speech.silence(10)
        let take = try PromptRecorder().record(from: FileAudioSource(samples: input), into: dir.path("take.wav"))
        #expect(take.stop == .silence)
        // Stops 3 s after the speech ended (to within a period and a 10 ms frame), not in the 4 s lead-in.
        let expected = 4 * 8000 + speech.count + 3 * 8000
        #expect(abs(take.samples.count - expected) < 8000 / 2)
        #expect(try SoundFile.read(take.path) == take.samples)
    }

    @Test func stopsAtMaxLength() throws {
        var rules = PromptRecordingRules()
        rules.maxSeconds = 1.5
        let input = Speech.noise(5, dBFS: -20)
        let take = try PromptRecorder(rules: rules).record(from: FileAudioSource(samples: input),
                                                            into: dir.path("max.wav"))
        #expect(take.stop == .maxLength)
        #expect(take.samples.count == 12000)
    }

    @Test func stopKeyCutsTheToneOut() throws {
        let input = Speech.noise(3, dBFS: -20)
        let take = try PromptRecorder().record(from: FileAudioSource(samples: input), into: dir.path("key.wav"),
                                               keypad: ScriptedKeypad(key: "#", atSample: 10000))
        #expect(take.stop == .key("#"))
        #expect(take.samples.count == 10000 - 160)
        #expect(try SoundFile.info(take.path).frames > 10000)
    }

    @Test func hashKeyHeardInTheAudioEndsTheTakeWithoutItsTone() throws {
        let speech = try Speech.say("Press the hash key when you are done.", in: dir)
        let hash = DTMFGenerator().tone(DTMFKey("#")!)
        let toneStart = 8000 + speech.count
        let input = Speech.silence(1) + speech + hash + Speech.silence(0.2) + speech
        let take = try PromptRecorder().record(from: FileAudioSource(samples: input), into: dir.path("hash.wav"),
                                               keypad: DTMFReceiver())
        #expect(take.stop == .key("#"))
        // Cut at most 20 ms guard plus the receiver's start estimate before the tone; nothing of it kept.
        #expect(take.samples.count <= toneStart)
        #expect(take.samples.count >= toneStart - 400)
        #expect(DTMFReceiver.detect(take.samples).isEmpty)
    }

    @Test func outsideRequestStopsWithinAPeriod() throws {
        let counter = Collected()
        let take = try PromptRecorder().record(from: FileAudioSource(samples: Speech.noise(5, dBFS: -20)),
                                               into: dir.path("enter.wav"),
                                               stopRequested: { counter.samples.count >= 5 },
                                               progress: { _, _ in counter.add([0]) })
        #expect(take.stop == .requested)
        #expect(take.samples.count == 5 * 160)
    }

    @Test func inputEndingEarlyKeepsTheTake() throws {
        let take = try PromptRecorder().record(from: FileAudioSource(samples: Speech.noise(1, dBFS: -20)),
                                               into: dir.path("short.wav"))
        #expect(take.stop == .sourceEnded)
        #expect(take.samples.count == 8000)
    }

    @Test func lineFailingMidTakeKeepsWhatWasRecorded() throws {
        let source = FileAudioSource(samples: Speech.noise(5, dBFS: -20))
        let periods = Collected()
        let take = try PromptRecorder().record(from: source, into: dir.path("unplugged.wav"), progress: { _, _ in
            periods.add([0])
            if periods.samples.count == 10 { source.close() }
        })
        guard case .lineFailed(let error) = take.stop else {
            Issue.record("expected a line failure, got \(take.stop)")
            return
        }
        #expect(error.description.contains("closed"))
        #expect(take.samples.count == 10 * 160)
        #expect(try SoundFile.read(take.path).count == 10 * 160)
    }
}
