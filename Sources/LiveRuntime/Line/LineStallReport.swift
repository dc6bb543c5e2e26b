import SoundIO

/// Watches a line for stalls (a capture backlog, xruns) and says what happened once per stall.
///
/// A stall starts at the first turn that had to catch up or recover an xrun and ends after
/// `quietTurns` turns in a row that needed neither (so an underrun and the catch-up that follows
/// it are one stall); then one transcript entry (`line-stall`) tells how long
/// the capture fell behind, how much prompt playback was skipped to catch up, and the xruns.
struct LineStallReport {
    let sampleRate: Int
    private var startFrame: Int?
    private var caughtUp = 0
    private var underruns = 0
    private var overruns = 0
    private var lastPlayback = 0
    private var lastCapture = 0
    /// Turns without trouble that end a stall (10 periods: 200 ms).
    let quietTurns = 10
    private var quiet = 0
    /// Stalls reported so far.
    private(set) var stalls = 0

    init(sampleRate: Int = 8000, source: (any PacedCapture)?, sink: (any PacedPlayback)?) {
        self.sampleRate = sampleRate
        lastCapture = source?.recoveries ?? 0
        lastPlayback = sink?.recoveries ?? 0
    }

    /// Counts the xruns since the last turn and returns them (after an underrun the caller re-primes).
    mutating func takeRecoveries(source: (any PacedCapture)?, sink: (any PacedPlayback)?)
        -> (underruns: Int, overruns: Int) {
        let capture = source?.recoveries ?? 0
        let playback = sink?.recoveries ?? 0
        overruns += capture - lastCapture
        underruns += playback - lastPlayback
        defer { (lastCapture, lastPlayback) = (capture, playback) }
        return (playback - lastPlayback, capture - lastCapture)
    }

    /// Notes `frames` of capture backlog caught up at line frame `at`.
    mutating func caughtUp(_ frames: Int, at frame: Int) {
        if startFrame == nil { startFrame = frame }
        caughtUp += frames
    }

    /// Ends a turn (`busy`: it caught up or recovered an xrun): returns the message to log when a stall has just ended, else nil.
    mutating func endTurn(at frame: Int, busy: Bool) -> String? {
        if busy && startFrame == nil { startFrame = frame }
        guard let start = startFrame else { return nil }
        if busy {
            quiet = 0
            return nil
        }
        quiet += 1
        guard quiet >= quietTurns else { return nil }
        quiet = 0
        let seconds = Double(start) / Double(sampleRate)
        var parts = ["the audio stalled at \(String(format: "%.2f", seconds)) s"]
        if caughtUp > 0 {
            parts.append("the capture fell \(caughtUp * 1000 / sampleRate) ms behind and caught up "
                         + "(that much prompt playback skipped; every captured frame kept)")
        }
        if underruns > 0 { parts.append("\(underruns) playback underrun\(underruns == 1 ? "" : "s") recovered") }
        if overruns > 0 { parts.append("\(overruns) capture overrun\(overruns == 1 ? "" : "s") recovered (that audio is lost)") }
        startFrame = nil
        (caughtUp, underruns, overruns) = (0, 0, 0)
        stalls += 1
        return parts.joined(separator: "; ")
    }

    /// A stall still open when the call ends (reported with what is known).
    mutating func finish(at frame: Int) -> String? {
        guard startFrame != nil else { return nil }
        quiet = quietTurns
        return endTurn(at: frame, busy: false)
    }
}
