import Testing
@testable import Telephony

@Suite struct SilenceTrimTests {
    let tone = ToneGenerator.render(.steady([500], levelDBm0: -15, duration: 0.5))

    @Test func trimsLeadingAndTrailingSilenceKeepingTheMargin() {
        let audio = [Int16](repeating: 0, count: 8000) + tone + [Int16](repeating: 2, count: 4000)
        let range = AudioEdit.soundRange(audio, thresholdDBFS: -45, marginSeconds: 0.05)
        #expect(range == (8000 - 400)..<(8000 + 4000 + 400))
        #expect(AudioEdit.trimSilence(audio).count == 4000 + 800)
    }

    @Test func removeDCTakesAwayAConstantOffsetAndKeepsTheTone() {
        let shifted = tone.map { Int16(clamping: Int($0) + 3000) }
        let cleaned = AudioEdit.removeDC(shifted)
        let mean = cleaned.reduce(0.0) { $0 + Double($1) } / Double(cleaned.count)
        #expect(abs(mean) < 5)
        #expect(abs(LevelMeter.measure(cleaned).rmsDBFS - LevelMeter.measure(tone).rmsDBFS) < 0.1)
        #expect(AudioEdit.removeDC([]).isEmpty)
    }

    @Test func allSilenceTrimsToNothing() {
        #expect(AudioEdit.trimSilence([Int16](repeating: 0, count: 1000)).isEmpty)
        #expect(AudioEdit.trimSilence([]).isEmpty)
    }

    @Test func normaliseReachesTheTarget() throws {
        let result = try AudioEdit.normalise(tone, targetDBFS: -20)
        #expect(abs(result.rmsDBFS - (-20)) < 0.05)
        #expect(!result.limitedByPeak)
        #expect(result.inputClippedSamples == 0)
        #expect(abs(result.gainDB - (-20 - LevelMeter.measure(tone).rmsDBFS)) < 1e-9)
    }

    @Test func normaliseHoldsBackRatherThanClip() throws {
        // A sine cannot have RMS -1 dBFS without its peak passing full scale.
        let result = try AudioEdit.normalise(tone, targetDBFS: -1, peakCeilingDBFS: -1)
        #expect(result.limitedByPeak)
        let levels = LevelMeter.measure(result.samples)
        #expect(levels.clippedSamples == 0)
        #expect(abs(levels.peakDBFS - (-1)) < 0.01)
    }

    @Test func normaliseReportsClippedInputAndRejectsSilence() throws {
        let clipped = tone.map { Int16(clamping: Int($0) * 20) }
        let result = try AudioEdit.normalise(clipped, targetDBFS: -20)
        #expect(result.inputClippedSamples > 0)
        #expect(throws: AudioEdit.NormaliseError.silent) {
            try AudioEdit.normalise([0, 0, 0])
        }
    }
}
