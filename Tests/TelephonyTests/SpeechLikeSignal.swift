import Foundation
@testable import Telephony

/// A deterministic speech-like signal at 8 kHz: voiced syllables (a glottal pulse train with a
/// gliding pitch through three formant resonators whose frequencies move from syllable to
/// syllable), unvoiced hiss and short pauses. Not speech, but its spectrum and its changes are
/// speech's: harmonics that wander through the DTMF bands, bursts and silences.
enum SpeechLikeSignal {
    /// Vowel formants (F1, F2, F3) in Hz.
    static let vowels: [(Double, Double, Double)] = [
        (730, 1090, 2440), (270, 2290, 3010), (300, 870, 2240), (530, 1840, 2480),
        (660, 1720, 2410), (570, 840, 2410), (440, 1020, 2240), (490, 1350, 1690),
    ]

    /// `seconds` of signal with an active RMS of about `rms` (sample units), seeded.
    static func make(seconds: Double, rms: Double, seed: UInt64, pitchHz: Double = 140) -> [Double] {
        var random = SplitMix64(seed: seed)
        func uniform() -> Double { Double(random.next() >> 11) / Double(1 << 53) }
        let count = Int(seconds * 8000)
        var out = [Double](repeating: 0, count: count)
        var index = 0
        var phase = 0.0
        var state = [(Double, Double)](repeating: (0, 0), count: 3)
        while index < count {
            let length = Int((0.12 + 0.18 * uniform()) * 8000)
            let kind = uniform()
            let vowel = vowels[Int(uniform() * Double(vowels.count)) % vowels.count]
            let startPitch = pitchHz * (0.8 + 0.4 * uniform()), endPitch = pitchHz * (0.8 + 0.4 * uniform())
            for n in 0..<length where index + n < count {
                let t = Double(n) / Double(length)
                let envelope = sin(Double.pi * t)
                var excitation: Double
                if kind < 0.7 {  // voiced
                    let pitch = startPitch + (endPitch - startPitch) * t
                    phase += pitch / 8000
                    excitation = 0
                    if phase >= 1 { phase -= 1; excitation = 1 }
                } else if kind < 0.85 {  // unvoiced
                    excitation = 0.15 * (uniform() - 0.5)
                } else {  // pause
                    excitation = 0
                }
                var value = excitation
                for (formant, frequency) in [vowel.0, vowel.1, vowel.2].enumerated() {
                    let r = 0.97, w = 2 * Double.pi * frequency / 8000
                    let y = value + 2 * r * cos(w) * state[formant].0 - r * r * state[formant].1
                    state[formant] = (y, state[formant].0)
                    value = y * (1 - r)
                }
                out[index + n] = value * envelope
            }
            index += length
        }
        let active = out.filter { abs($0) > 1e-9 }
        let power = active.reduce(0) { $0 + $1 * $1 } / Double(max(1, active.count))
        let scale = power > 0 ? rms / power.squareRoot() : 0
        return out.map { $0 * scale }
    }

    /// Adds `a` and `b` sample by sample and clips to 16 bits.
    static func mix(_ a: [Int16], _ b: [Double]) -> [Int16] {
        (0..<min(a.count, b.count)).map { Int16(max(-32768, min(32767, (Double(a[$0]) + b[$0]).rounded()))) }
    }
}
