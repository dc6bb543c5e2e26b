/// What a device tells the loop that paces a call on it: how far behind it is, and its xruns.
///
/// ALSA PCMs answer from the device (`snd_pcm_delay`, recovery counts); files and test buffers
/// keep the defaults (never behind, never an xrun), so a line over them runs as fast as it is fed.
public protocol PacedCapture: AudioSource {
    /// Starts capturing now (ALSA `snd_pcm_start`), so the first period is on its way before
    /// playback is primed.
    func start() throws(AudioLineError)
    /// Frames captured but not yet read: the backlog a stalled reader has to catch up.
    ///
    /// Through alsa-lib's `pulse` plugin this includes what the server buffered beyond the ALSA
    /// buffer (`snd_pcm_avail` stops at the buffer size; `snd_pcm_delay` does not).
    func waitingFrames() -> Int
    /// Reads what is there now, up to one period, without waiting (0: nothing yet).
    func readNow(into buffer: UnsafeMutableBufferPointer<Int16>) throws(AudioLineError) -> Int
    /// Overruns recovered so far.
    var recoveries: Int { get }
    /// Turns the warning logged per recovery on or off (a line that reports stalls itself turns it off).
    func setRecoveryLogging(_ on: Bool)
}

/// What a playback device tells the loop that paces a call on it.
public protocol PacedPlayback: AudioSink {
    /// Underruns recovered so far.
    var recoveries: Int { get }
    /// Turns the warning logged per recovery on or off.
    func setRecoveryLogging(_ on: Bool)
    /// Frames written but not yet played (`snd_pcm_delay`).
    func pendingFrames() -> Int
}
