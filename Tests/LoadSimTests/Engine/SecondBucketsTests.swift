import Testing
@testable import LoadSim

/// The agenda's one-second buckets: smallest key first, and what does not fit is refused
/// (the agenda's heap takes it), never lost or misordered.
@Suite struct SecondBucketsTests {
    /// A key for an event at `time` pushed `sequence`-th, as the agenda builds them.
    func key(_ time: Double, _ sequence: UInt64) -> UInt128 { UInt128(time.bitPattern) << 64 | UInt128(sequence << 24) }

    @Test func popsInKeyOrderWithinAndAcrossSeconds() {
        var buckets = SecondBuckets()
        let keys = [key(5.5, 0), key(5.25, 1), key(3, 2), key(5.25, 3), key(700, 4)]
        for (i, k) in keys.enumerated() {
            let taken = buckets.push(k, at: [5.5, 5.25, 3, 5.25, 700][i])
            #expect(taken)
        }
        var out: [UInt128] = []
        while buckets.count > 0 { out.append(buckets.pop()) }
        #expect(out == [key(3, 2), key(5.25, 1), key(5.25, 3), key(5.5, 0), key(700, 4)])
        #expect(buckets.minKey == .max)
    }

    @Test func refusesAFullSecondTheFarFutureAndThePast() {
        var buckets = SecondBuckets()
        var taken: [Bool] = []
        for i in 0 ..< SecondBuckets.perBucket { taken.append(buckets.push(key(10.5, UInt64(i)), at: 10.5)) }
        let far = Double(SecondBuckets.bucketCount)
        taken.append(buckets.push(key(10.9, 9), at: 10.9))                      // the second is full
        taken.append(buckets.push(key(far, 10), at: far))                       // beyond the buckets' reach
        _ = buckets.pop()                                                       // now at second 10
        taken.append(buckets.push(key(9.5, 11), at: 9.5))                       // before it
        taken.append(buckets.push(key(10.9, 12), at: 10.9))                     // room again
        #expect(taken == Array(repeating: true, count: SecondBuckets.perBucket) + [false, false, false, true])
        #expect(buckets.count == SecondBuckets.perBucket)
    }
}
