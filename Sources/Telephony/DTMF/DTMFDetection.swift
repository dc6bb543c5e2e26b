/// One key press heard by a `DTMFReceiver`.
///
/// Sample indices count from the first sample the receiver was given (index 0), at 8 kHz.
/// `endSample` is one past the last sample of the tone, so `endSample - startSample` is its length.
public struct DTMFDetection: Sendable, Equatable, CustomStringConvertible {
    /// The key.
    public var key: DTMFKey
    /// Estimated first sample of the tone.
    public var startSample: Int
    /// Estimated sample just after the tone ended.
    public var endSample: Int

    /// A detection of `key` from `startSample` up to (not including) `endSample`.
    public init(key: DTMFKey, startSample: Int, endSample: Int) {
        self.key = key
        self.startSample = startSample
        self.endSample = endSample
    }

    /// Start time in seconds at 8 kHz.
    public var startSeconds: Double { Double(startSample) / Double(DTMFReceiver.sampleRate) }
    /// End time in seconds at 8 kHz.
    public var endSeconds: Double { Double(endSample) / Double(DTMFReceiver.sampleRate) }

    /// "KEY START-END" in samples, for logs and test failures.
    public var description: String { "\(key) \(startSample)-\(endSample)" }
}

/// What a `DTMFReceiver` reports while it listens.
public enum DTMFEvent: Sendable, Equatable {
    /// A key press has been recognised and is still held: sent as early as the receiver is sure
    /// (about 30-35 ms after the tone began), so a prompt can be interrupted at once.
    case keyDown(DTMFKey, startSample: Int)
    /// A key press has ended: sent once per press, after the tone has stopped (about 25 ms later).
    case keyUp(DTMFDetection)
}
