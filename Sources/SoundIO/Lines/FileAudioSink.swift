import Foundation

/// An `AudioSink` that keeps what is played: in memory, and in a WAV file when a path is given.
///
/// For tests and tools: writes are taken at once (no real-time pacing).
public final class FileAudioSink: AudioSink, @unchecked Sendable {
    /// The file path or a label.
    public let name: String
    /// Frames per period.
    public let periodFrames: Int
    /// Frames accepted so far.
    public let clock: SampleClock
    private let lock = NSLock()
    private var kept: [Int16] = []
    private let writer: WAVWriter?
    private var closed = false

    /// A sink that keeps samples in memory only.
    public init(name: String = "memory", periodFrames: Int = 160) {
        self.name = name
        self.periodFrames = periodFrames
        self.writer = nil
        clock = SampleClock()
    }

    /// A sink that also writes a WAV PCM-16 8 kHz file at `path` as it goes.
    public init(path: String, periodFrames: Int = 160) throws(SoundFileError) {
        self.name = path
        self.periodFrames = periodFrames
        self.writer = try WAVWriter(path: path)
        clock = SampleClock()
    }

    /// Everything written so far.
    public var samples: [Int16] { lock.withLock { kept } }

    /// Keeps the samples (and appends them to the file).
    public func write(_ samples: UnsafeBufferPointer<Int16>) throws(AudioLineError) {
        lock.lock()
        defer { lock.unlock() }
        if closed { throw AudioLineError(kind: .failed, pcm: name, operation: "write", alsa: "the sink is closed") }
        kept.append(contentsOf: samples)
        do throws(SoundFileError) { try writer?.append(samples) } catch {
            throw AudioLineError(kind: .failed, pcm: name, operation: "write", alsa: error.description)
        }
        clock.advance(by: samples.count)
    }

    /// Nothing is pending, so there is nothing to wait for.
    public func drain() throws(AudioLineError) {}

    /// Nothing is pending, so there is nothing to drop.
    public func dropPending() {}

    /// Finishes the file, if any.
    public func close() {
        lock.withLock {
            closed = true
            try? writer?.close()
        }
    }
}
