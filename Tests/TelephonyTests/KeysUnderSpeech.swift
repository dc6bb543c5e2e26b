import Foundation
@testable import Telephony

/// Key presses with speech-like audio under them: the small in-test cousin of
/// scripts/keys-under-speech (which uses espeak-ng voices and music; see docs/DSP.md).
struct KeysUnderSpeech {
    /// The keys pressed, in order.
    let digits: String
    /// Keys plus the speech-like signal, 16-bit, possibly through G.711.
    let samples: [Int16]
    /// The speech-like signal alone (same level, same coding).
    let speechOnly: [Int16]

    /// A recording of all 16 keys in a seeded order at `levelDBm0` per tone, with speech
    /// `speechBelowDB` below the tone pair's power (active level), `toneMilliseconds` on and off.
    static func make(seed: UInt64, levelDBm0: Double, speechBelowDB: Double, toneMilliseconds: Int,
                     law: G711Law?) -> KeysUnderSpeech {
        var random = SplitMix64(seed: seed)
        let digits = String(Array("123A456B789C*0#D").shuffled(using: &random))
        var options = DTMFGenerator.Options(toneDuration: Double(toneMilliseconds) / 1000,
                                            gapDuration: Double(toneMilliseconds) / 1000, levelDBm0: levelDBm0)
        options.twistDB = 0
        let lead = [Int16](repeating: 0, count: 1600)
        let keys = lead + (try! DTMFGenerator(options: options).samples(digits: digits)) + lead
        let tonePower = pow(Decibels.sinePeak(dBm0: levelDBm0), 2) / 2
        let speechRMS = (2 * tonePower / Decibels.powerRatio(speechBelowDB)).squareRoot()
        let speech = SpeechLikeSignal.make(seconds: Double(keys.count) / 8000 + 0.1, rms: speechRMS, seed: seed &+ 1000,
                                           pitchHz: 100 + Double(seed % 7) * 25)
        let mixed = SpeechLikeSignal.mix(keys, speech)
        let alone = SpeechLikeSignal.mix([Int16](repeating: 0, count: keys.count), speech)
        guard let law else { return KeysUnderSpeech(digits: digits, samples: mixed, speechOnly: alone) }
        return KeysUnderSpeech(digits: digits, samples: law.transcode(mixed), speechOnly: law.transcode(alone))
    }

    /// Keys found in order (longest common subsequence of what was heard and what was pressed).
    static func found(_ heard: String, in pressed: String) -> Int {
        let a = Array(pressed), b = Array(heard)
        var row = [Int](repeating: 0, count: b.count + 1)
        for x in a {
            var previous = 0
            for j in b.indices {
                let current = row[j + 1]
                row[j + 1] = x == b[j] ? previous + 1 : max(row[j + 1], row[j])
                previous = current
            }
        }
        return row[b.count]
    }
}
