import Foundation
import Telephony
import Testing
@testable import SoundIO

@Suite("Trimming and levelling takes")
struct PromptLevellingTests {
    let dir = TemporaryDirectory("levelling")

    @Test func quietSpeechIsTrimmedAndBroughtToTarget() throws {
        let speech = try Speech.say("Thank you for calling.", gain: 0.1, in: dir)
        let take = Speech.silence(1) + speech + Speech.silence(1.5)
        let result = try PromptLevelling().apply(take, source: "take")
        let rules = PromptLevelling()
        // At most the 0.1 s margin plus one 10 ms frame of the silence is kept on each side.
        #expect(result.leadingTrim >= 8000 - 880 && result.leadingTrim <= 8000 + 800)
        #expect(result.trailingTrim >= 12000 - 880)
        #expect(result.outputLevels.peakDBFS <= rules.peakCeilingDBFS + 0.01)
        #expect(abs(result.outputLevels.rmsDBFS - rules.targetRMSDBFS) < 0.5 || result.warnings.contains {
            if case .belowTarget = $0 { return true } else { return false }
        })
        #expect(result.outputLevels.clippedSamples == 0)
        #expect(result.gainDB > 15)
    }

    /// A take with a DC offset (a cheap microphone, `sox ... dcshift 0.1`): the offset is removed,
    /// so the silence around the speech is trimmed and the speech reaches the target level.
    @Test func aDCOffsetIsRemovedBeforeTrimmingAndLevelling() throws {
        let speech = try Speech.say("Thank you for calling.", gain: 0.3, in: dir)
        let take = (Speech.silence(1) + speech + Speech.silence(1)).map { Int16(clamping: Int($0) + 3277) }  // +0.1 FS
        let result = try PromptLevelling().apply(take, source: "offset")
        #expect(result.leadingTrim >= 8000 - 880, "the leading second of offset silence is cut: \(result.leadingTrim)")
        #expect(result.trailingTrim >= 8000 - 880, "and the trailing one: \(result.trailingTrim)")
        #expect(abs(result.outputLevels.rmsDBFS - PromptLevelling().targetRMSDBFS) < 0.5)
        let mean = result.samples.reduce(0.0) { $0 + Double($1) } / Double(result.samples.count)
        #expect(abs(mean) < 50, "no offset left: mean \(mean)")
    }

    @Test func clippedOrVeryQuietTakesAreFlagged() throws {
        let loud = try Speech.say("Hello there.", gain: 8, in: dir)
        let loudResult = try PromptLevelling().apply(loud, source: "loud")
        #expect(loudResult.warnings.contains { if case .clippedTake = $0 { return true } else { return false } })
        #expect(loudResult.outputLevels.peakDBFS <= -1 + 0.01)

        let whisper = try Speech.say("Hello there.", gain: 0.04, in: dir)
        let whisperResult = try PromptLevelling().apply(whisper + Speech.noise(0.5, dBFS: -70), source: "quiet")
        #expect(whisperResult.warnings.contains { if case .quietTake = $0 { return true } else { return false } })
    }

    @Test func silenceIsRefused() {
        #expect(throws: PromptLibraryError.silentTake(source: "mic")) {
            try PromptLevelling().apply(Speech.noise(2, dBFS: -60), source: "mic")
        }
    }

    @Test func importConvertsAnyFormatAndKeepsTheOldTake() throws {
        let folder = TemporaryDirectory("library")
        let library = PromptLibrary(folder: folder.url.path)
        let speech = try Speech.say("For opening hours, press 2.", gain: 0.3, in: dir)
        // Deliver it as a stereo 44.1 kHz FLAC with silence around it, as a studio might.
        let wide = try Resampler.convert(SampleConversion.floats(from: Speech.silence(0.7) + speech + Speech.silence(0.7)),
                                         from: 8000, to: 44100)
        let flac = dir.path("hours.flac")
        try SoundFile.write(interleaved: zip(wide, wide).flatMap { [$0, $1] }, channels: 2, sampleRate: 44100,
                            format: .flac, to: flac)
        let name = PromptName("opening-hours")!
        let first = try library.importFile(flac, as: name)
        #expect(first.installation.backup == nil)
        let info = try SoundFile.info(first.installation.path)
        #expect(info.isEngineFormat)
        let spoken = AudioEdit.soundRange(speech, thresholdDBFS: -45, marginSeconds: 0.1)
        #expect(abs(info.duration - Double(spoken.count) / 8000) < 0.03)
        let second = try library.importFile(flac, as: name)
        #expect(second.installation.backup != nil)
        let status = try library.statuses().first { $0.name == name }
        #expect(status?.isPresent == true)
        #expect(status?.warnings == [.notInManifest])
        #expect(abs((status?.levels?.rmsDBFS ?? 0) - -20) < 1.5)
    }
}
