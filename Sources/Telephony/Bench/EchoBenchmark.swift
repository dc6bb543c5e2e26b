import Foundation

/// Measures the line echo canceller's speed (`ivr bench echo`): seconds of audio processed per
/// second of CPU time on one core, in 160-sample periods as a line delivers them.
public enum EchoBenchmark {
    /// The benchmark's 10 s signal: a noise-like prompt and the capture, its echo (5 ms delay,
    /// 6 dB down); when `silent`, nothing played and the caller's quieter noise captured (the
    /// canceller's skipped path).
    public static func signal(silent: Bool) -> (played: [Int16], captured: [Int16]) {
        var state: UInt32 = 12345
        let noise = (0..<80_000).map { _ -> Int16 in
            state = state &* 1_664_525 &+ 1_013_904_223
            return Int16(truncatingIfNeeded: Int32(bitPattern: state) >> 19)
        }
        if silent { return ([Int16](repeating: 0, count: noise.count), noise.map { $0 / 8 }) }
        return (noise, noise.indices.map { $0 >= 40 ? noise[$0 - 40] / 2 : 0 })
    }

    /// Runs one canceller (`tailMilliseconds`) over at least `seconds` of the signal and reports speed.
    public static func run(seconds: Double, tailMilliseconds: Int = EchoCanceller.defaultTailMilliseconds,
                           silent: Bool = false) -> AudioThroughput.Result {
        let (far, near) = signal(silent: silent)
        var canceller = EchoCanceller(settings: .init(tailMilliseconds: tailMilliseconds))
        var output = [Int16](repeating: 0, count: 160)
        return AudioThroughput.measure(seconds: seconds, samplesPerPass: far.count) { _ in
            far.withUnsafeBufferPointer { f in
                near.withUnsafeBufferPointer { n in
                    output.withUnsafeMutableBufferPointer { o in
                        var index = 0
                        while index + 160 <= f.count {
                            canceller.process(played: UnsafeBufferPointer(rebasing: f[index..<index + 160]),
                                              captured: UnsafeBufferPointer(rebasing: n[index..<index + 160]), into: o)
                            index += 160
                        }
                    }
                }
            }
        }
    }
}
