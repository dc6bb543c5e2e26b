import Foundation

/// A seeded stream of 64-bit draws, in the form the simulator's samplers consume them.
///
/// Both conforming types give the same values in the same order for the same seed:
/// ``Xoshiro256StarStar`` computes each draw when asked; the simulator's `DrawStream` can
/// compute them 64 at a time with the `log` of each unit value ready, and a run is
/// byte-identical either way.
public protocol UnitDrawSource {
    /// The next 64 random bits.
    mutating func next() -> UInt64
    /// The next draw as a uniform double in the open interval (0, 1).
    mutating func nextUnit() -> Double
    /// `log(nextUnit())`, exactly: the natural log of the next draw's unit value.
    mutating func logOfNextUnit() -> Double
}

extension UnitDrawSource {
    /// A uniform integer in `0..<bound` (bound > 0), by Lemire's multiply-shift.
    @inline(__always)
    public mutating func nextInt(below bound: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }
}

/// The unit value of 64 random bits: the top 53 bits with the lowest set, scaled into (0, 1).
@inline(__always)
func unitValue(of bits: UInt64) -> Double {
    Double((bits >> 11) | 1) * 0x1.0p-53
}
