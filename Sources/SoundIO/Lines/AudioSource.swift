/// Where engine audio comes from: an ALSA capture PCM, a file, a test buffer.
///
/// Modelled on baresip's `ausrc`: a small blocking interface; threads and streams are built on top
/// (`CaptureThread`). Reads return at most one period, so a reader can stop within one period.
public protocol AudioSource: AnyObject, Sendable {
    /// A name for messages (PCM name or file path).
    var name: String { get }
    /// The most frames one `read` returns.
    var periodFrames: Int { get }
    /// Frames delivered so far.
    var clock: SampleClock { get }
    /// Blocks until audio is available and copies at most one period into `buffer`.
    ///
    /// Returns the frames copied; 0 means the source has ended (a file ran out; never for ALSA).
    func read(into buffer: UnsafeMutableBufferPointer<Int16>) throws(AudioLineError) -> Int
    /// Releases the device or file. Reads after closing throw.
    func close()
}

extension AudioSource {
    /// Reads up to one period into a new array; empty at the end of the source.
    public func readPeriod() throws(AudioLineError) -> [Int16] {
        var buffer = [Int16](repeating: 0, count: periodFrames)
        let count = try buffer.withUnsafeMutableBufferPointer { (pointer) throws(AudioLineError) in
            try read(into: pointer)
        }
        buffer.removeSubrange(count...)
        return buffer
    }
}
