import CALSA
import Foundation

/// Records from an ALSA capture PCM: mono S16_LE at the line's rate, one period per read at most.
///
/// `read` blocks until audio is there; overruns are recovered with `snd_pcm_recover` and logged.
/// Run reads on a dedicated thread (`CaptureThread`), never on the Swift concurrency pool.
public final class ALSACapture: PacedCapture {
    /// The PCM name.
    public let name: String
    /// Frames per period as the device granted it.
    public let periodFrames: Int
    /// Frames captured so far.
    public let clock: SampleClock
    private let pcm: ALSAPCM

    /// Opens and configures `device` for capture.
    public init(device: ALSADevice, configuration: LineConfiguration = LineConfiguration()) throws(AudioLineError) {
        pcm = try ALSAPCM(device: device, capture: true, configuration: configuration)
        name = device.name
        periodFrames = pcm.periodFrames
        clock = SampleClock(sampleRate: configuration.sampleRate)
    }

    /// Period and buffer sizes as the device granted them.
    public var granted: (period: Int, buffer: Int) { (pcm.periodFrames, pcm.bufferFrames) }

    /// Blocks until audio is available; copies at most one period; never returns 0 while open.
    public func read(into buffer: UnsafeMutableBufferPointer<Int16>) throws(AudioLineError) -> Int {
        let wanted = min(buffer.count, periodFrames)
        guard wanted > 0, let base = buffer.baseAddress else { return 0 }
        let frames = try pcm.withHandle("read") { (handle) throws(AudioLineError) -> Int in
            while true {
                let (got, detail) = ALSAErrorDetail.capturing { snd_pcm_readi(handle, base, snd_pcm_uframes_t(wanted)) }
                if got >= 0 { return Int(got) }
                if got == -Int(EAGAIN) { continue }
                try pcm.recover(handle, from: Int32(got), during: "read", detail: detail)
            }
        }
        clock.advance(by: frames)
        return frames
    }

    /// Starts the capture now (it would otherwise start at the first read); starting twice does nothing.
    public func start() throws(AudioLineError) {
        try pcm.withHandle("start") { (handle) throws(AudioLineError) in
            guard snd_pcm_state(handle) == SND_PCM_STATE_PREPARED else { return }
            let (status, detail) = ALSAErrorDetail.capturing { snd_pcm_start(handle) }
            if status < 0 { throw pcm.error(status, operation: "start", detail: detail) }
        }
    }

    /// Frames captured and not yet read (`snd_pcm_delay`); 0 when the device cannot tell.
    public func waitingFrames() -> Int {
        (try? pcm.withHandle("query delay") { handle -> Int in
            var delay: snd_pcm_sframes_t = 0
            return snd_pcm_delay(handle, &delay) == 0 ? max(0, Int(delay)) : 0
        }) ?? 0
    }

    /// Reads what is there now, at most one period, without waiting (non-blocking mode for this
    /// read only); 0 when nothing is there yet. Overruns are recovered as in `read`.
    public func readNow(into buffer: UnsafeMutableBufferPointer<Int16>) throws(AudioLineError) -> Int {
        let wanted = min(buffer.count, periodFrames)
        guard wanted > 0, let base = buffer.baseAddress else { return 0 }
        let frames = try pcm.withHandle("read") { (handle) throws(AudioLineError) -> Int in
            snd_pcm_nonblock(handle, 1)
            defer { snd_pcm_nonblock(handle, 0) }
            while true {
                let (got, detail) = ALSAErrorDetail.capturing { snd_pcm_readi(handle, base, snd_pcm_uframes_t(wanted)) }
                if got >= 0 { return Int(got) }
                if got == -Int(EAGAIN) { return 0 }
                try pcm.recover(handle, from: Int32(got), during: "read", detail: detail)
            }
        }
        clock.advance(by: frames)
        return frames
    }

    /// Overruns recovered so far.
    public var recoveries: Int { pcm.recoveries }

    /// Turns the warning logged per overrun on or off.
    public func setRecoveryLogging(_ on: Bool) { pcm.setRecoveryLogging(on) }

    /// Stops capturing and releases the device.
    public func close() { pcm.close() }
}
