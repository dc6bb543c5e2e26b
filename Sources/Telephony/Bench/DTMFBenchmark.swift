import Foundation

/// Measures the DTMF receiver's speed: seconds of audio processed per second of CPU time on one core.
public enum DTMFBenchmark {
    /// One measurement.
    public struct Result: Sendable {
        /// Seconds of audio processed.
        public var audioSeconds: Double
        /// CPU time spent by the calling thread, in seconds.
        public var cpuSeconds: Double
        /// Keys heard in one pass over the signal (a check that the work was real).
        public var keysPerPass: Int
        /// Audio seconds per CPU second ("times real time").
        public var speed: Double { audioSeconds / cpuSeconds }
    }

    /// The benchmark signal: 10 s of key presses (all 16 keys, 70 ms on, 70 ms off, levels from
    /// -6 to -24 dBm0) with white noise at 30 dB SNR, so every part of the receiver runs.
    public static func signal() -> [Int16] {
        var audio: [Int16] = []
        var level = -6.0
        while audio.count < 80_000 {
            let options = DTMFGenerator.Options(toneDuration: 0.07, gapDuration: 0.07, levelDBm0: level)
            audio += try! DTMFGenerator(options: options).samples(digits: DTMFTestVector.allKeys)
            level = level <= -24 ? -6 : level - 6
        }
        return DTMFTestVector.addingNoise(Array(audio.prefix(80_000)), snrDB: 30,
                                          signalPower: 2 * Decibels.sinePower(dBm0: -15), seed: 7)
    }

    /// Runs the receiver over at least `seconds` of audio, fed in `chunk`-sample pieces as a line
    /// thread would, and reports speed.
    public static func run(seconds: Double, chunk: Int = 160) -> Result {
        let audio = signal()
        var keys = 0
        let timing = audio.withUnsafeBufferPointer { buffer in
            AudioThroughput.measure(seconds: seconds, samplesPerPass: buffer.count) { pass in
                var receiver = DTMFReceiver()
                var index = 0
                while index < buffer.count {
                    let end = min(buffer.count, index + chunk)
                    receiver.process(UnsafeBufferPointer(rebasing: buffer[index..<end]))
                    if pass == 0 {
                        keys += receiver.pendingEvents.lazy.filter { if case .keyUp = $0 { true } else { false } }.count
                    }
                    receiver.clearPendingEvents()
                    index = end
                }
                let tail = receiver.finish()  // the signal ends inside a tone
                if pass == 0 { keys += tail.lazy.filter { if case .keyUp = $0 { true } else { false } }.count }
            }
        }
        return Result(audioSeconds: timing.audioSeconds, cpuSeconds: timing.cpuSeconds, keysPerPass: keys)
    }
}
