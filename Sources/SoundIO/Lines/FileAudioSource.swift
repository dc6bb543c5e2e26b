import Foundation

/// An `AudioSource` that serves samples from memory, e.g. a sound file read with `SoundFile.read`.
///
/// For tests and tools: reads return a period at a time, as fast as asked, and 0 at the end.
public final class FileAudioSource: AudioSource, @unchecked Sendable {
    /// The file path or a label.
    public let name: String
    /// Frames per read.
    public let periodFrames: Int
    /// Frames delivered so far.
    public let clock: SampleClock
    private let samples: [Int16]
    private let lock = NSLock()
    private var position = 0
    private var closed = false

    /// Serves `samples`, one period per read.
    public init(samples: [Int16], name: String = "memory", periodFrames: Int = 160) {
        self.samples = samples
        self.name = name
        self.periodFrames = periodFrames
        clock = SampleClock()
    }

    /// Serves a sound file (any format libsndfile reads), converted to engine audio.
    public convenience init(path: String, raw: RawFormat? = nil, periodFrames: Int = 160) throws(SoundFileError) {
        self.init(samples: try SoundFile.read(path, raw: raw), name: path, periodFrames: periodFrames)
    }

    /// Copies the next period (or less at the end); 0 once everything was read.
    public func read(into buffer: UnsafeMutableBufferPointer<Int16>) throws(AudioLineError) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if closed { throw AudioLineError(kind: .failed, pcm: name, operation: "read", alsa: "the source is closed") }
        let count = min(buffer.count, periodFrames, samples.count - position)
        for offset in 0..<count { buffer[offset] = samples[position + offset] }
        position += count
        clock.advance(by: count)
        return count
    }

    /// Stops serving.
    public func close() { lock.withLock { closed = true } }
}
