import Foundation
import Testing
@testable import Telephony

/// Keys pressed while a prompt plays: speech under the tones must not hide them, and the speech
/// alone must never be a key. The full measurement is scripts/keys-under-speech and
/// scripts/compare-spandsp (docs/DSP.md, "Keys under speech"); these are small, fast cousins.
@Suite struct DTMFUnderSpeechTests {
    /// Seeds, levels, tone lengths and codings of the speech-like sets: keys from -6 to -26 dBm0,
    /// 70 and 40 ms, linear, µ-law and A-law.
    static func sets(speechBelowDB: Double) -> [KeysUnderSpeech] {
        (UInt64(1)...24).map { seed in
            let law: G711Law? = seed % 2 == 0 ? .ulaw : (seed % 3 == 1 ? .alaw : nil)
            return KeysUnderSpeech.make(seed: seed, levelDBm0: -6 - Double(seed % 5) * 5, speechBelowDB: speechBelowDB,
                                        toneMilliseconds: seed % 3 == 0 ? 40 : 70, law: law)
        }
    }

    /// Keys found (in order) and keys heard over all sets at `speechBelowDB`.
    static func score(speechBelowDB: Double) -> (found: Int, heard: Int, pressed: Int, missed: [String]) {
        var found = 0, heard = 0, missed: [String] = []
        let sets = Self.sets(speechBelowDB: speechBelowDB)
        for (number, set) in sets.enumerated() {
            let keys = DTMFReceiver.detect(set.samples).map(\.key).dtmfString
            found += KeysUnderSpeech.found(keys, in: set.digits)
            heard += keys.count
            if keys != set.digits { missed.append("set \(number + 1): \(keys) of \(set.digits)") }
        }
        return (found, heard, 16 * sets.count, missed)
    }

    // The speech-like signal is harsher than espeak-ng's voices at the same level (narrow formants
    // sweeping across the DTMF rows). Before the receiver's tiered confirmation the figures below
    // were 343 and 276 of 384 keys; with it 368 and 325; with the held-out-seed rules (an outlying
    // pair set aside, a dip inside a key, the 79 % start; 2 Dec 2026) 374 and 331; with the
    // phase-steadiness row (second round, 2 Dec 2026) 376 and 333.

    @Test func keysTwelveDBOverSpeechLikeAudioAreFoundAndNoneInvented() {
        let result = Self.score(speechBelowDB: 12)
        #expect(result.heard == result.found, "\(result.heard - result.found) keys invented")
        #expect(result.found >= 374, "found \(result.found) of \(result.pressed): \(result.missed)")
    }

    @Test func keysSixDBOverSpeechLikeAudioAreMostlyFoundAndNoneInvented() {
        let result = Self.score(speechBelowDB: 6)
        #expect(result.heard == result.found, "\(result.heard - result.found) keys invented")
        #expect(result.found >= 328, "found \(result.found) of \(result.pressed)")
    }

    @Test func speechLikeAudioAloneIsNeverAKey() {
        for speechBelowDB in [0.0, 12] {
            for set in Self.sets(speechBelowDB: speechBelowDB) {
                #expect(DTMFReceiver.detect(set.speechOnly).isEmpty)
            }
        }
    }

    @Test func everyKeyTwelveDBOverEspeakSpeechIsFound() throws {
        // A prompt in two voices (espeak-ng, from scripts/setup) under all 16 keys, twice over.
        let speech = try DTMFTalkOffTests.speech(voice: "en-gb+m3", pitch: 50, speed: 160,
                                                 text: DTMFTalkOffTests.queueScript)
            + DTMFTalkOffTests.speech(voice: "de+f2", pitch: 70, speed: 160, text: DTMFTalkOffTests.queueScript)
        try #require(speech.count > 8 * 8000, "no speech; is espeak-ng installed (scripts/setup)?")
        let active = speech.filter { abs(Int($0)) > 100 }.map { Double($0) * Double($0) }
        let speechRMS = (active.reduce(0, +) / Double(active.count)).squareRoot()
        for (offset, (level, tone)) in [(-10.0, 0.070), (-20.0, 0.040), (-16.0, 0.070), (-24.0, 0.070)].enumerated() {
            let digits = offset % 2 == 0 ? "123A456B789C*0#D" : "D#0*C987B654A321"
            let keys = try DTMFGenerator(options: .init(toneDuration: tone, gapDuration: tone, levelDBm0: level))
                .samples(digits: digits)
            let pairRMS = Decibels.sinePeak(dBm0: level)  // two tones of peak A: power A², RMS A
            let gain = pairRMS * Decibels.amplitudeRatio(-12) / speechRMS
            let start = 8000 + offset * 12_000
            let under = speech[start..<(start + keys.count)].map { Double($0) * gain }
            let mixed = SpeechLikeSignal.mix(keys, under)
            let heard = DTMFReceiver.detect(offset == 1 ? G711Law.ulaw.transcode(mixed) : mixed).map(\.key).dtmfString
            #expect(heard == digits, "\(level) dBm0, \(Int(tone * 1000)) ms tones")
        }
    }
}
