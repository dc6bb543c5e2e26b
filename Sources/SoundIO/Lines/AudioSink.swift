/// Where engine audio goes: an ALSA playback PCM, a file, a test buffer.
///
/// Modelled on baresip's `auplay`: a small blocking interface; `PlaybackThread` feeds it on a
/// dedicated thread.
public protocol AudioSink: AnyObject, Sendable {
    /// A name for messages (PCM name or file path).
    var name: String { get }
    /// Frames per period: the natural size of one `write`.
    var periodFrames: Int { get }
    /// Frames accepted so far.
    var clock: SampleClock { get }
    /// Blocks until every sample has been handed to the device (or file).
    func write(_ samples: UnsafeBufferPointer<Int16>) throws(AudioLineError)
    /// Blocks until everything written has been played out.
    func drain() throws(AudioLineError)
    /// Throws away audio written but not yet played, at once (a caller interrupted a prompt).
    /// Waits at most for a write in progress (one period); later writes play normally.
    func dropPending()
    /// Releases the device or file, dropping anything not yet played. Writes after closing throw.
    func close()
}

extension AudioSink {
    /// Default for sinks that queue nothing (files, memory): nothing to drop.
    public func dropPending() {}

    /// Writes an array of samples.
    public func write(_ samples: [Int16]) throws(AudioLineError) {
        try samples.withUnsafeBufferPointer { (pointer) throws(AudioLineError) in try write(pointer) }
    }
}
