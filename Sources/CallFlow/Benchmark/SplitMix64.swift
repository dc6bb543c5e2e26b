/// A tiny seedable random number generator (SplitMix64): same seed, same sequence.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator started from `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Exponentially distributed with this mean.
    public mutating func exponential(mean: Double) -> Double { -mean * log1pNegative(unit()) }

    private func log1pNegative(_ u: Double) -> Double {
        // log(1 - u) without Foundation: u in [0, 1).
        var x = 1 - u
        if x <= 0 { x = .leastNormalMagnitude }
        return Self.ln(x)
    }

    /// Natural logarithm by range reduction and a series (no Foundation import needed).
    static func ln(_ value: Double) -> Double {
        let exponent = Double(value.exponent)
        let mantissa = value.significand            // in [1, 2)
        let y = (mantissa - 1) / (mantissa + 1)
        let y2 = y * y
        var term = y, sum = 0.0
        var k = 1.0
        for _ in 0..<12 { sum += term / k; term *= y2; k += 2 }
        return 2 * sum + exponent * 0.693_147_180_559_945_3
    }
}
