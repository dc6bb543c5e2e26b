/// 95 % confidence intervals for a mean from independent replications (Student's t).
public enum ConfidenceInterval {
    /// t(0.975, df) for df = 1…30; beyond that the normal 1.96 is within 2 %.
    static let t975: [Double] = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
                                 2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
                                 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]

    /// The 0.975 quantile of Student's t with `df` degrees of freedom.
    public static func tQuantile(df: Int) -> Double {
        guard df >= 1 else { return .infinity }
        return df <= t975.count ? t975[df - 1] : (df <= 60 ? 2.000 : (df <= 120 ? 1.980 : 1.960))
    }

    /// Mean ± t·s/√n of `values` (needs two or more values).
    public static func of(_ values: [Double]) -> SimulationReport.Interval? {
        let n = values.count
        guard n >= 2 else { return nil }
        let mean = values.reduce(0, +) / Double(n)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
        let half = tQuantile(df: n - 1) * (variance / Double(n)).squareRoot()
        return SimulationReport.Interval(mean: mean, low: mean - half, high: mean + half)
    }
}
