import Foundation
import Telephony
import Testing
@testable import SoundIO

/// The studio end to end through ALSA's file plugin: speech (espeak-ng) then silence as the
/// microphone, a raw file as the speaker.
@Suite("Prompt studio through ALSA")
struct PromptStudioTests {
    let dir = TemporaryDirectory("studio")

    func makeLibrary() throws -> PromptLibrary {
        let folder = dir.path("prompts")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return PromptLibrary(folder: folder)
    }

    @Test func recordsTrimsLevelsAndKeepsTheOldTake() throws {
        let library = try makeLibrary()
        let speech = try Speech.say("Thank you for calling Switchboard.", gain: 0.25, in: dir)
        // Lead-in, speech, then more silence than the stop rule needs: the file plugin never ends.
        let microphone = dir.path("mic.raw")
        try RawAudio.write(Speech.silence(1.5) + speech + Speech.silence(8), to: microphone)
        let studio = PromptStudio(library: library)
        let name = PromptName("greeting")!
        _ = try library.install([1, 2, 3], as: name)
        let session = try studio.record(name, from: .rawFiles(capture: microphone))
        #expect(session.stop == .silence)
        #expect(abs(session.capturedSeconds - (1.5 + Double(speech.count) / 8000 + 3)) < 0.5)
        #expect(session.result.installation.backup != nil)
        let saved = try SoundFile.read(session.result.installation.path)
        let levels = LevelMeter.measure(saved)
        #expect(abs(levels.rmsDBFS - -20) < 0.5)
        #expect(levels.peakDBFS <= -1)
        let spoken = AudioEdit.soundRange(speech, thresholdDBFS: -45, marginSeconds: 0.1)
        #expect(abs(saved.count - spoken.count) < 160)
        let takes = try FileManager.default.contentsOfDirectory(atPath: library.folder + "/.takes")
        #expect(takes.isEmpty)
    }

    @Test func beepAndPlaybackReachTheSpeaker() throws {
        let library = try makeLibrary()
        let name = PromptName("goodbye")!
        let tone = SampleConversion.int16(from: Signals.sine(500, amplitude: 0.1, seconds: 0.5, rate: 8000))
        _ = try library.install(tone, as: name)
        let speaker = dir.path("speaker.raw")
        let studio = PromptStudio(library: library)
        try studio.beep(on: .rawFiles(playback: speaker))
        let beep = try RawAudio.read(speaker)
        #expect(Array(beep.prefix(2000)) == ToneGenerator.render(.voicemailBeep))
        try studio.play(name, on: .rawFiles(playback: speaker))
        #expect(try RawAudio.read(speaker) == tone)
    }

    @Test func missingMicrophoneIsALineError() throws {
        let library = try makeLibrary()
        do {
            _ = try PromptStudio(library: library).record(PromptName("x")!, from: .named("no-such-mic"))
            Issue.record("recorded from a missing device")
        } catch {
            guard case .line(let lineError) = error else { Issue.record("\(error)"); return }
            #expect(lineError.kind == .missing)
            #expect(error.description.contains("ALSA PCM 'no-such-mic': cannot open for capture"))
        }
    }
}
