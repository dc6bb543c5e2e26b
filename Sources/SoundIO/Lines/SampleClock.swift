import Foundation

/// Counts the frames a line has moved through ALSA: the line's own time base.
///
/// The live runtime runs a call's timers on this clock, so prompts, timeouts and recordings
/// stay in step with the audio that really moved, whether the device runs in real time or
/// (like ALSA's `null`/`file` plugins) as fast as it is fed. Safe to read from any thread.
public final class SampleClock: @unchecked Sendable {
    /// Frames per second the count is measured in.
    public let sampleRate: Int
    private let lock = NSLock()
    private var count = 0

    /// A clock at zero.
    public init(sampleRate: Int = EngineAudio.sampleRate) {
        self.sampleRate = sampleRate
    }

    /// Frames moved so far.
    public var frames: Int { lock.withLock { count } }

    /// Time moved so far, in seconds (frames / sample rate).
    public var seconds: Double { Double(frames) / Double(sampleRate) }

    /// Adds frames that were just moved.
    public func advance(by frames: Int) {
        lock.withLock { count += frames }
    }
}
