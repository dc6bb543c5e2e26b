import Foundation

/// A distribution of durations in seconds: handling times, patience, key latency, redial gaps.
///
/// Parameters are given the way trainers think of them (mean and coefficient of variation),
/// and converted once here. Every draw takes the simulator's seeded generator.
public enum TimeDistribution: Sendable, Equatable {
    /// Memoryless with the given mean (the M in M/M/c).
    case exponential(mean: Double)
    /// Lognormal whose *time* has this mean and cv (sd / mean).
    case lognormal(mean: Double, cv: Double)
    /// Gamma whose time has this mean and cv (shape 1/cv², scale mean·cv²).
    case gamma(mean: Double, cv: Double)
    /// Always the same value.
    case fixed(Double)
    /// Uniform on [min, max].
    case uniform(min: Double, max: Double)
    /// Resampled uniformly from observed values (e.g. a CSV of past handling times).
    case empirical([Double])

    /// The mean of the distribution in seconds.
    public var mean: Double {
        switch self {
        case .exponential(let m), .lognormal(let m, _), .gamma(let m, _): return m
        case .fixed(let v): return v
        case .uniform(let a, let b): return (a + b) / 2
        case .empirical(let values): return values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
        }
    }

    /// Whether this is an exponential distribution (what Erlang C and A assume).
    public var isExponential: Bool {
        if case .exponential = self { return true }
        return false
    }

    /// Converts to the form `sample(using:)` draws from quickly.
    public func sampler() -> TimeSampler { TimeSampler(self) }
}

/// A `TimeDistribution` with its parameters precomputed for fast draws.
///
/// The kind is a plain value and an empirical distribution's values sit beside it (nil for
/// the others): the simulator copies a sampler out of its model for every draw, and a kind
/// holding an array made each copy a call that switched on the kind to retain it.
public struct TimeSampler: Sendable {
    enum Kind: Sendable {
        case exponential(Double)
        case lognormal(mu: Double, sigma: Double)
        case gamma(shape: Double, scale: Double)
        case fixed(Double)
        case uniform(Double, Double)
        /// Resampled from `values`.
        case empirical
    }
    let kind: Kind
    /// The observed values of an empirical distribution; nil for the other kinds.
    let values: [Double]?

    /// Precomputes the parameters of `distribution`.
    public init(_ distribution: TimeDistribution) {
        if case .empirical(let observed) = distribution { values = observed } else { values = nil }
        switch distribution {
        case .exponential(let m): kind = .exponential(m)
        case .lognormal(let m, let cv):
            let s2 = log(1 + cv * cv)
            kind = .lognormal(mu: log(m) - s2 / 2, sigma: s2.squareRoot())
        case .gamma(let m, let cv):
            kind = cv <= 0 ? .fixed(m) : .gamma(shape: 1 / (cv * cv), scale: m * cv * cv)
        case .fixed(let v): kind = .fixed(v)
        case .uniform(let a, let b): kind = .uniform(a, b - a)
        case .empirical: kind = .empirical
        }
    }

    /// The longest draw returned: 10 years. Scenario values are limited to 30 days
    /// (`ScenarioLimits.longestTime`); this only cuts the far tail of a heavy lognormal, so that
    /// virtual times stay where whole-second arithmetic is exact.
    public static let longestDraw = 10 * 365 * 86_400.0

    /// One draw, in seconds (never negative, never above `longestDraw`).
    @inline(__always)
    public func sample<R: UnitDrawSource>(using rng: inout R) -> Double {
        min(draw(using: &rng), Self.longestDraw)
    }

    /// Advances `rng` exactly as `sample(using:)` would, for a draw whose value is not needed
    /// (a caller answered before their patience matters): the stream, and so the run, stay the
    /// same, but the common kinds skip their `log` (unless the stream computed it ahead).
    @inline(__always)
    public func skip<R: UnitDrawSource>(using rng: inout R) {
        switch kind {
        case .exponential, .uniform: _ = rng.next()
        case .lognormal: _ = rng.next(); _ = rng.next()
        case .fixed: break
        case .empirical: _ = rng.nextInt(below: values.unsafelyUnwrapped.count)
        case .gamma: _ = sample(using: &rng)
        }
    }

    @inline(__always)
    private func draw<R: UnitDrawSource>(using rng: inout R) -> Double {
        switch kind {
        case .exponential(let m): return -m * rng.logOfNextUnit()
        case .lognormal(let mu, let sigma): return exp(mu + sigma * Self.standardNormal(&rng))
        case .gamma(let shape, let scale): return scale * Self.standardGamma(shape, &rng)
        case .fixed(let v): return v
        case .uniform(let a, let width): return a + width * rng.nextUnit()
        case .empirical:
            let values = values.unsafelyUnwrapped
            return values[rng.nextInt(below: values.count)]
        }
    }

    /// A standard normal draw (Box–Muller, one of the pair).
    static func standardNormal<R: UnitDrawSource>(_ rng: inout R) -> Double {
        let logU = rng.logOfNextUnit(), v = rng.nextUnit()
        return (-2 * logU).squareRoot() * cos(2 * Double.pi * v)
    }

    /// A Gamma(shape, 1) draw by Marsaglia and Tsang (2000); shape < 1 by the boost U^(1/shape).
    static func standardGamma<R: UnitDrawSource>(_ shape: Double, _ rng: inout R) -> Double {
        if shape < 1 {
            let boost = pow(rng.nextUnit(), 1 / shape)
            return standardGamma(shape + 1, &rng) * boost
        }
        let d = shape - 1.0 / 3.0, c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double, v: Double
            repeat {
                x = standardNormal(&rng)
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = rng.nextUnit()
            if u < 1 - 0.0331 * x * x * x * x { return d * v }
            if log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
        }
    }
}
