import Foundation

/// The timing loop the speed benchmarks share: repeated passes over one signal, timed on the
/// calling thread's CPU clock, reported as audio seconds per CPU second on one core.
public enum AudioThroughput {
    /// One measurement.
    public struct Result: Sendable {
        /// Seconds of audio processed.
        public var audioSeconds: Double
        /// CPU time spent by the calling thread, in seconds.
        public var cpuSeconds: Double
        /// Audio seconds per CPU second ("times real time").
        public var speed: Double { audioSeconds / cpuSeconds }
    }

    /// Passes over a `samplesPerPass`-sample signal needed to cover at least `seconds` of audio
    /// at `sampleRate` (at least one).
    public static func passes(seconds: Double, samplesPerPass: Int, sampleRate: Int = 8000) -> Int {
        max(1, Int((seconds * Double(sampleRate) / Double(samplesPerPass)).rounded(.up)))
    }

    /// Calls `pass` with 0, 1, 2, ... until at least `seconds` of a `samplesPerPass`-sample signal
    /// have been processed, and times those calls alone on the calling thread's CPU clock.
    public static func measure(seconds: Double, samplesPerPass: Int, sampleRate: Int = 8000,
                               pass: (Int) -> Void) -> Result {
        let count = passes(seconds: seconds, samplesPerPass: samplesPerPass, sampleRate: sampleRate)
        let start = threadCPUTime()
        for index in 0..<count { pass(index) }
        let cpu = threadCPUTime() - start
        return Result(audioSeconds: Double(count * samplesPerPass) / Double(sampleRate), cpuSeconds: max(cpu, 1e-9))
    }

    /// CPU time used by the calling thread, in seconds.
    public static func threadCPUTime() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
