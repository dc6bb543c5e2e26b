import Testing
@testable import LoadSim

/// The integrator against a plain reference that does the same arithmetic into arrays, with no
/// open interval, no cached interval index and no short path: the figures must match bit for
/// bit (the simulator's outputs are compared byte for byte across speed changes).
struct IntervalIntegratorTests {
    /// The integrator's rules written the simplest way.
    struct Reference {
        let width: Double, limit: Double
        var area: [Double], peak: [Double]
        var level = 0.0, since = 0.0

        init(width: Double, limit: Double) {
            self.width = width
            self.limit = limit
            let n = max(1, Int((limit / width).rounded(.up)))
            area = Array(repeating: 0, count: n)
            peak = Array(repeating: 0, count: n)
        }

        func index(_ t: Double) -> Int { Int(t / width) }

        mutating func set(_ value: Double, at t: Double) {
            advance(to: t)
            level = value
            let i = index(t)
            if i >= 0 && i < peak.count { peak[i] = max(peak[i], value) }
        }

        mutating func accumulate(to end: Double) {
            var from = since, i = index(from)
            if i >= 0 && i < area.count && end <= Double(i + 1) * width {
                area[i] += level * (end - from)
                peak[i] = max(peak[i], level)
                return
            }
            while from < end && i < area.count {
                let boundary = min(end, Double(i + 1) * width)
                area[i] += level * (boundary - from)
                if level > peak[i] { peak[i] = level }
                from = boundary
                i += 1
            }
        }

        mutating func advance(to t: Double) {
            let end = min(t, limit)
            if end > since {
                if level != 0 { accumulate(to: end) }
                since = end
            }
        }
    }

    @Test(arguments: [(60.0, 86_400.0), (900.0, 1_800_000.0), (0.1, 500.0), (3_600.0, 7_200_000.5)])
    func matchesThePlainReferenceBitForBit(width: Double, limit: Double) {
        var generator = Xoshiro256StarStar(seed: UInt64(width * 1000) ^ UInt64(limit))   // replayable
        var integrator = IntervalIntegrator(width: width, limit: limit)
        var reference = Reference(width: width, limit: limit)
        var t = 0.0
        var value = 0.0
        var steps = 0
        for step in 0 ..< 100_000 {
            steps = step
            switch Int.random(in: 0 ..< 16, using: &generator) {
            case 0: break                                             // the same instant again
            case 1: t = t.nextUp                                      // the next representable time
            case 2: t = (Double(Int(t / width) + 1) * width)          // exactly on a boundary
            case 3: t += width * Double.random(in: 0 ... 3, using: &generator)   // across intervals
            default: t += width * Double.random(in: 0 ... 0.05, using: &generator)
            }
            if t > limit * 1.1 { break }
            value = max(0, value + Double(Int.random(in: -2 ... 2, using: &generator)))
            integrator.set(value, at: t)
            reference.set(value, at: t)
            if step % 997 == 0 {                                      // figures read mid-run
                #expect(integrator.area == reference.area)
                #expect(integrator.peak == reference.peak)
            }
        }
        #expect(steps > 5_000)                                        // the horizon took many steps
        integrator.advance(to: limit * 1.2)
        reference.advance(to: limit * 1.2)
        #expect(integrator.area == reference.area)
        #expect(integrator.peak == reference.peak)
        #expect(integrator.totalArea == reference.area.reduce(0, +))
    }
}
