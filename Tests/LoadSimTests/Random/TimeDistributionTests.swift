import Foundation
import Testing
@testable import LoadSim
import CallQueue

struct TimeDistributionTests {
    /// Mean and coefficient of variation of `n` draws.
    func moments(_ d: TimeDistribution, n: Int = 200_000, seed: UInt64 = 7) -> (mean: Double, cv: Double) {
        var rng = Xoshiro256StarStar(seed: seed)
        let s = d.sampler()
        var sum = 0.0, sumSq = 0.0
        for _ in 0..<n {
            let x = s.sample(using: &rng)
            sum += x; sumSq += x * x
        }
        let mean = sum / Double(n)
        return (mean, (sumSq / Double(n) - mean * mean).squareRoot() / mean)
    }

    @Test(arguments: [
        (TimeDistribution.exponential(mean: 120), 120.0, 1.0),
        (.lognormal(mean: 300, cv: 0.6), 300, 0.6),
        (.gamma(mean: 200, cv: 0.5), 200, 0.5),
        (.gamma(mean: 50, cv: 2), 50, 2),
        (.uniform(min: 10, max: 30), 20, (20.0 / 12.0.squareRoot()) / 20),
        (.fixed(42), 42, 0),
    ])
    func meanAndSpreadMatch(_ d: TimeDistribution, _ mean: Double, _ cv: Double) {
        let m = moments(d)
        #expect(abs(m.mean - mean) / mean < 0.02, "mean \(m.mean)")
        #expect(abs(m.cv - cv) < 0.05 * max(cv, 0.2), "cv \(m.cv)")
    }

    @Test func empiricalOnlyReturnsObservedValues() {
        var rng = Xoshiro256StarStar(seed: 3)
        let s = TimeDistribution.empirical([5, 10, 60]).sampler()
        var seen = Set<Double>()
        for _ in 0..<1000 { seen.insert(s.sample(using: &rng)) }
        #expect(seen == [5, 10, 60])
    }

    @Test func sameSeedSameStreamDifferentSeedDifferent() {
        var a = Xoshiro256StarStar(seed: 1), b = Xoshiro256StarStar(seed: 1), c = Xoshiro256StarStar(seed: 2)
        let xa = (0..<8).map { _ in a.next() }, xb = (0..<8).map { _ in b.next() }, xc = (0..<8).map { _ in c.next() }
        #expect(xa == xb)
        #expect(xa != xc)
    }

    @Test func splitMixKnownValues() {
        // Reference: the first outputs of SplitMix64 seeded with 0 (Vigna's splitmix64.c).
        var s = SplitMix64(seed: 0)
        #expect(s.next() == 0xE220_A839_7B1D_CDAF)
        #expect(s.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test func unitIsNeverZeroOrOne() {
        var rng = Xoshiro256StarStar(seed: 9)
        for _ in 0..<100_000 {
            let u = rng.nextUnit()
            #expect(u > 0 && u < 1)
        }
    }
}
