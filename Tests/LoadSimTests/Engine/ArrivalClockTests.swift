import Testing
@testable import LoadSim

struct ArrivalClockTests {
    func count(_ clock: ArrivalClock, until limit: Double, seed: UInt64 = 11) -> Int {
        var rng = Xoshiro256StarStar(seed: seed)
        var t = 0.0, n = 0
        while let next = clock.next(after: t, limit: limit, using: &rng) { n += 1; t = next }
        return n
    }

    @Test func constantRateCountIsPoissonMean() {
        let clock = ArrivalClock(pattern: .constant(perHour: 3600), startWeekday: 0, startSecondOfDay: 0)
        let n = count(clock, until: 100_000)            // mean 100,000, sd 316
        #expect(abs(n - 100_000) < 1300)
    }

    @Test func hourlyRatesAreFollowedAndZeroHoursAreEmpty() {
        var rates = Array(repeating: 0.0, count: 24)
        rates[9] = 3600; rates[10] = 1800
        let clock = ArrivalClock(pattern: .hourly(perHour: rates, weekdayFactors: Array(repeating: 1, count: 7)),
                                 startWeekday: 0, startSecondOfDay: 0)
        var rng = Xoshiro256StarStar(seed: 2)
        var t = 0.0
        var perHour = Array(repeating: 0, count: 24)
        while let next = clock.next(after: t, limit: 20 * 86_400, using: &rng) {
            perHour[Int(next.truncatingRemainder(dividingBy: 86_400) / 3600)] += 1
            t = next
        }
        #expect(perHour.enumerated().allSatisfy { ![9, 10].contains($0.offset) ? $0.element == 0 : true })
        #expect(abs(Double(perHour[9]) - 72_000) < 1200)   // 20 days × 3600, sd 268
        #expect(abs(Double(perHour[10]) - 36_000) < 900)
        #expect(clock.expectedArrivals(until: 86_400) == 5400)
    }

    @Test func weekdayFactorsAndStartOffset() {
        // Start on Saturday 12:00: the first 12 h are Saturday (factor 0.5), the next 24 h Sunday (factor 0).
        let clock = ArrivalClock(pattern: .hourly(perHour: Array(repeating: 100, count: 24),
                                                  weekdayFactors: [1, 1, 1, 1, 1, 0.5, 0]),
                                 startWeekday: 5, startSecondOfDay: 43_200)
        #expect(clock.rate(at: 0) * 3600 == 50)
        #expect(clock.rate(at: 13 * 3600) == 0)
        #expect(abs(clock.rate(at: 36 * 3600) * 3600 - 100) < 1e-9)     // Monday
        #expect(abs(clock.expectedArrivals(until: 48 * 3600) - (12 * 50 + 12 * 100)) < 1e-6)
    }
}
