import Foundation

/// Named DTMF test signals at the ITU-T Q.24 accept/reject boundaries, with the keys a conforming
/// receiver must report. Used by `ivr bench dtmf --write-vectors` to compare receivers.
public struct DTMFTestVector: Sendable {
    /// Short file-friendly name, e.g. `error-low+1.5`.
    public var name: String
    /// What the vector tests.
    public var summary: String
    /// Keys a conforming receiver reports ("" for a reject case).
    public var expected: String
    /// 16-bit PCM at 8 kHz.
    public var samples: [Int16]
}

extension DTMFTestVector {
    /// All 16 keys, in keypad order.
    public static let allKeys = "123A456B789C*0#D"

    /// The boundary vectors: each uses all 16 keys at 40 ms on / 40 ms off unless it says otherwise.
    public static func boundaryVectors() -> [DTMFTestVector] {
        var vectors: [DTMFTestVector] = []
        func add(_ name: String, _ summary: String, expected: String = allKeys, digits: String = allKeys,
                 _ configure: (inout DTMFGenerator.Options) -> Void = { _ in },
                 transform: ([Int16]) -> [Int16] = { $0 }) {
            var options = DTMFGenerator.Options(toneDuration: 0.040, gapDuration: 0.040, levelDBm0: -10)
            configure(&options)
            let lead = [Int16](repeating: 0, count: 123)
            let audio = lead + (try! DTMFGenerator(options: options).samples(digits: digits))
            vectors.append(DTMFTestVector(name: name, summary: summary, expected: expected, samples: transform(audio)))
        }
        add("nominal-40ms", "40 ms tones, 40 ms pauses, -10 dBm0")
        add("repeat-1122", "repeated keys", expected: "11223344**##", digits: "11223344**##")
        add("short-20ms", "20 ms tones (reject)", expected: "") { $0.toneDuration = 0.020 }
        for (low, high) in [(1.5, 0.0), (-1.5, 0.0), (0.0, 1.5), (0.0, -1.5), (1.5, 1.5), (-1.5, -1.5), (1.5, -1.5), (-1.5, 1.5)] {
            add("error-\(label(low))-\(label(high))", "frequency error low \(low) %, high \(high) %") {
                $0.lowFrequencyError = low / 100
                $0.highFrequencyError = high / 100
            }
        }
        for (low, high) in [(3.5, 0.0), (-3.5, 0.0), (0.0, 3.5), (0.0, -3.5), (3.5, 3.5), (-3.5, -3.5)] {
            add("error-\(label(low))-\(label(high))", "frequency error low \(low) %, high \(high) % (reject)",
                expected: "") {
                $0.toneDuration = 0.1
                $0.lowFrequencyError = low / 100
                $0.highFrequencyError = high / 100
            }
        }
        add("level-3", "-3 dBm0 per tone") { $0.levelDBm0 = -3 }
        add("level-26", "-26 dBm0 per tone") { $0.levelDBm0 = -26 }
        add("twist+4", "twist +4 dB (high group stronger), low at -16 dBm0") { $0.levelDBm0 = -16; $0.twistDB = 4 }
        add("twist-8", "twist -8 dB (high group weaker), low at -16 dBm0") { $0.levelDBm0 = -16; $0.twistDB = -8 }
        add("twist-8-floor", "twist -8 dB, low at -18 dBm0 (high at -26)") { $0.levelDBm0 = -18; $0.twistDB = -8 }
        for snr in [20.0, 10.0] {
            add("noise-snr\(Int(snr))", "white noise at \(Int(snr)) dB SNR, -16 dBm0 per tone", { $0.levelDBm0 = -16 }) {
                addingNoise($0, snrDB: snr, signalPower: 2 * Decibels.sinePower(dBm0: -16), seed: UInt64(snr))
            }
        }
        add("ulaw-26", "through G.711 µ-law at -26 dBm0", { $0.levelDBm0 = -26 }) { G711Law.ulaw.transcode($0) }
        add("alaw-26", "through G.711 A-law at -26 dBm0", { $0.levelDBm0 = -26 }) { G711Law.alaw.transcode($0) }
        let single = (DTMFKey.lowFrequencies + DTMFKey.highFrequencies).flatMap { frequency in
            ToneGenerator.render(.steady([frequency], levelDBm0: -6, duration: 0.2)) + [Int16](repeating: 0, count: 800)
        }
        vectors.append(DTMFTestVector(name: "single-tones", summary: "each of the 8 tones alone (reject)",
                                      expected: "", samples: single))
        return vectors
    }

    private static func label(_ percent: Double) -> String {
        percent == 0 ? "0" : (percent > 0 ? "+" : "") + String(format: "%.1f", percent)
    }

    /// Adds white Gaussian noise `snrDB` below `signalPower`, from a seeded generator.
    public static func addingNoise(_ samples: [Int16], snrDB: Double, signalPower: Double, seed: UInt64) -> [Int16] {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let sigma = (signalPower / Decibels.powerRatio(snrDB)).squareRoot()
        return samples.map { sample in
            let u1 = max(Double.leastNonzeroMagnitude, Double(next() >> 11) / Double(1 << 53))
            let u2 = Double(next() >> 11) / Double(1 << 53)
            let gaussian = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
            return Int16(max(-32768, min(32767, (Double(sample) + sigma * gaussian).rounded())))
        }
    }
}
