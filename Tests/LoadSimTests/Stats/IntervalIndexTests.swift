import Testing
@testable import LoadSim

/// The cached interval index always answers what the division answers, rounding included,
/// however the questions jump between intervals.
struct IntervalIndexTests {
    @Test(arguments: [0.1, 1.0 / 3.0, 60.0, 900.0, 3_600.0])
    func answersWhatTheDivisionAnswers(width: Double) {
        var index = IntervalIndex(width: width)
        var times: [Double] = []
        for k in 0 ..< 300 {
            let edge = Double(k) * width
            times += [edge, edge.nextUp, edge.nextDown, edge + width / 2]
        }
        // Alternating between neighbouring intervals (callers leaving after a boundary, some of
        // whom joined before it), then jumping about.
        for k in 1 ..< 300 {
            for _ in 0 ..< 3 { times += [Double(k) * width - width / 4, Double(k) * width + width / 4] }
        }
        times += [0, 1e9, 5.5 * width, -1, .infinity, 2.5 * width]
        for t in times {
            #expect(index(t) == ScenarioLimits.clampedInt(t / width), "t = \(t), width = \(width)")
        }
    }
}
