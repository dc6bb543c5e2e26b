import CallQueue  // SplitMix64, shared with the queue manager
import Foundation

/// xoshiro256** 1.0 (Blackman and Vigna 2018): the simulator's random source.
///
/// Fast (a few nanoseconds a draw), 2^256 - 1 period, and fully determined by its
/// seed, so the same scenario and seed give the same run byte for byte.
public struct Xoshiro256StarStar: RandomNumberGenerator, UnitDrawSource, Sendable {
    var s0: UInt64
    var s1: UInt64
    var s2: UInt64
    var s3: UInt64

    /// A generator seeded from `seed` through SplitMix64, as the authors recommend.
    public init(seed: UInt64) {
        var mix = SplitMix64(seed: seed)
        s0 = mix.next(); s1 = mix.next(); s2 = mix.next(); s3 = mix.next()
    }

    /// The next 64 random bits.
    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    /// A uniform double in the open interval (0, 1): never 0, so `log` of it is finite.
    @inline(__always)
    public mutating func nextUnit() -> Double {
        unitValue(of: next())
    }

    /// `log(nextUnit())`, computed now.
    @inline(__always)
    public mutating func logOfNextUnit() -> Double {
        log(nextUnit())
    }

    /// An independent generator for replication or stream `index`, derived from this seed.
    public static func stream(seed: UInt64, index: UInt64) -> Xoshiro256StarStar {
        var mix = SplitMix64(seed: seed ^ (index &* 0xD1B5_4A32_D192_ED03))
        return Xoshiro256StarStar(seed: mix.next())
    }

    @inline(__always)
    func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}
