import Foundation

/// Plays a buffer of engine audio to a sink on a dedicated `PlaybackThread` and waits for the end.
public enum AudioPlayer {
    /// Plays `samples` (padded with silence to whole periods), drains the sink and closes it.
    ///
    /// `shouldStop` is asked before every period; returning true cuts playback short.
    public static func play(_ samples: [Int16], to sink: any AudioSink,
                            shouldStop: @escaping @Sendable () -> Bool = { false }) throws(AudioLineError) {
        let result = LineResult()
        let total = samples.count
        let thread = PlaybackThread(sink: sink, fill: { buffer, clock in
            let start = clock.frames
            let count = max(0, min(buffer.count, total - start))
            for offset in 0..<count { buffer[offset] = samples[start + offset] }
            return start + buffer.count < total && !shouldStop()
        }, onEnd: { result.set($0) })
        thread.wait()
        if let error = result.error { throw error }
    }
}

/// The error a line thread ended with, handed across threads. Internal.
final class LineResult: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: AudioLineError?

    func set(_ error: AudioLineError?) { lock.withLock { stored = error } }
    var error: AudioLineError? { lock.withLock { stored } }
}
