import Foundation

/// Runs a scenario's replications and builds the report.
public enum Simulator {
    /// Options of one `ivr simulate` invocation.
    public struct Options: Sendable {
        /// Seed of replication 1 (nil: the scenario's).
        public var seed: UInt64?
        /// Independent replications (≥ 1).
        public var replications = 1
        /// Whether to measure wall-clock time (off for byte-identical output).
        public var timing = true
        /// Creates options.
        public init(seed: UInt64? = nil, replications: Int = 1, timing: Bool = true) {
            self.seed = seed
            self.replications = replications
            self.timing = timing
        }
    }

    /// Runs `model` and reports; `progress` gets the overall fraction done (0…1).
    public static func run(_ model: SimulationModel, options: Options,
                           progress: ((Double) -> Void)? = nil) throws -> SimulationReport {
        let seed = options.seed ?? model.scenario.seed
        let clock = ContinuousClock()
        let started = clock.now
        let cpuStarted = processCPUSeconds()
        var runs: [SimulationStatistics] = []
        let n = max(1, options.replications)
        for r in 0..<n {
            var run = try SimulationRun(model: model, seed: seed, replication: r)
            let stats = try run.run { fraction in progress?((Double(r) + fraction) / Double(n)) }
            runs.append(stats)
        }
        let elapsed = clock.now - started
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        var report = ReportBuilder.build(model.scenario, runs: runs, seed: seed, wallSeconds: options.timing ? wall : nil)
        report.assumptions = model.assumptions
        if options.timing {
            let cpu = processCPUSeconds() - cpuStarted
            report.cpuSeconds = cpu
            report.callsPerCPUSecond = cpu > 0 ? Double(runs.reduce(0) { $0 + $1.calls }) / cpu : nil
        }
        return report
    }

    /// CPU time used by this process so far (user + system), seconds: fair on a busy machine.
    static func processCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }
}
