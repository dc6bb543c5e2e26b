import Foundation
@testable import Telephony

/// Signal helpers for the tests: measurement and deterministic noise.
enum TestSignals {
    /// Amplitude (peak) of the component of `samples` at `frequency`, by a single-bin DFT.
    static func amplitude(of frequency: Double, in samples: [Int16], sampleRate: Double = 8000) -> Double {
        var re = 0.0, im = 0.0
        for (n, sample) in samples.enumerated() {
            let phase = 2 * Double.pi * frequency * Double(n) / sampleRate
            re += Double(sample) * cos(phase)
            im -= Double(sample) * sin(phase)
        }
        return 2 * (re * re + im * im).squareRoot() / Double(samples.count)
    }

    /// Number of sign changes, for frequency checks.
    static func zeroCrossings(_ samples: [Int16]) -> Int {
        var count = 0
        for index in 1..<samples.count where (samples[index - 1] < 0) != (samples[index] < 0) { count += 1 }
        return count
    }

    /// Adds white Gaussian noise at `snrDB` below the mean power of `samples` (seeded, deterministic).
    static func addingNoise(_ samples: [Int16], snrDB: Double, signalPower: Double, seed: UInt64) -> [Int16] {
        var generator = SplitMix64(seed: seed)
        let sigma = (signalPower / Decibels.powerRatio(snrDB)).squareRoot()
        return samples.map { sample in
            let u1 = max(Double.leastNonzeroMagnitude, Double(generator.next() >> 11) / Double(1 << 53))
            let u2 = Double(generator.next() >> 11) / Double(1 << 53)
            let gaussian = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
            return Int16(max(-32768, min(32767, (Double(sample) + sigma * gaussian).rounded())))
        }
    }
}

/// A small seedable generator (SplitMix64) so noise is the same on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
