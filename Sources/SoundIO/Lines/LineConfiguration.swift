import Logging

/// How an ALSA line is set up: rate, period and buffer sizes, and where its log lines go.
///
/// The engine always exchanges mono S16_LE at 8000 Hz; a device that wants another rate or
/// format must be opened through alsa-lib's `plug` (e.g. `plughw:1,0`, or `default`).
public struct LineConfiguration: Sendable {
    /// Frames per second asked of the device (the engine's 8000 unless a tool needs another).
    public var sampleRate: Int
    /// Frames per period: the most one `read` returns and the unit `write` moves (160 = 20 ms at 8 kHz).
    public var periodFrames: Int
    /// Periods in the device buffer (4 periods of 20 ms = 80 ms of latency headroom).
    public var periodsPerBuffer: Int
    /// Where xrun recoveries and device problems are logged.
    public var logger: Logger

    /// The defaults: 8000 Hz, 160-frame (20 ms) periods, 4 periods per buffer.
    public init(sampleRate: Int = EngineAudio.sampleRate, periodFrames: Int = 160, periodsPerBuffer: Int = 4,
                logger: Logger = Logger(label: "switchboard.soundio.alsa")) {
        self.sampleRate = sampleRate
        self.periodFrames = periodFrames
        self.periodsPerBuffer = periodsPerBuffer
        self.logger = logger
    }

    /// Frames in the whole device buffer.
    public var bufferFrames: Int { periodFrames * periodsPerBuffer }
}
