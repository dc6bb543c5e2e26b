import CALSA
import Foundation

/// Plays to an ALSA playback PCM: mono S16_LE at the line's rate.
///
/// `write` blocks until the device took every frame; underruns are recovered with
/// `snd_pcm_recover` and logged. Run writes on a dedicated thread (`PlaybackThread`).
public final class ALSAPlayback: PacedPlayback {
    /// The PCM name.
    public let name: String
    /// Frames per period as the device granted it.
    public let periodFrames: Int
    /// Frames handed to the device so far (including any later thrown away by `dropPending`);
    /// for call timers prefer the capture side's clock, which counts audio that really arrived.
    public let clock: SampleClock
    private let pcm: ALSAPCM

    /// Opens and configures `device` for playback.
    public init(device: ALSADevice, configuration: LineConfiguration = LineConfiguration()) throws(AudioLineError) {
        pcm = try ALSAPCM(device: device, capture: false, configuration: configuration)
        name = device.name
        periodFrames = pcm.periodFrames
        clock = SampleClock(sampleRate: configuration.sampleRate)
    }

    /// Period and buffer sizes as the device granted them.
    public var granted: (period: Int, buffer: Int) { (pcm.periodFrames, pcm.bufferFrames) }

    /// Blocks until the device has taken every sample.
    public func write(_ samples: UnsafeBufferPointer<Int16>) throws(AudioLineError) {
        guard var base = samples.baseAddress else { return }
        var remaining = samples.count
        while remaining > 0 {
            let chunk = min(remaining, periodFrames)
            let written = try pcm.withHandle("write") { (handle) throws(AudioLineError) -> Int in
                while true {
                    let (done, detail) = ALSAErrorDetail.capturing {
                        snd_pcm_writei(handle, base, snd_pcm_uframes_t(chunk))
                    }
                    if done >= 0 { return Int(done) }
                    if done == -Int(EAGAIN) { continue }
                    try pcm.recover(handle, from: Int32(done), during: "write", detail: detail)
                }
            }
            clock.advance(by: written)
            base += written
            remaining -= written
        }
    }

    /// Frames written but not yet played (`snd_pcm_delay`); 0 when the device cannot tell.
    public func pendingFrames() -> Int {
        (try? pcm.withHandle("query delay") { handle -> Int in
            var delay: snd_pcm_sframes_t = 0
            return snd_pcm_delay(handle, &delay) == 0 ? max(0, Int(delay)) : 0
        }) ?? 0
    }

    /// Blocks until everything written has been played (`snd_pcm_drain`), then readies the PCM again.
    public func drain() throws(AudioLineError) {
        try pcm.withHandle("drain") { (handle) throws(AudioLineError) in
            let (status, detail) = ALSAErrorDetail.capturing { snd_pcm_drain(handle) }
            if status < 0 && status != -EPIPE { throw pcm.error(status, operation: "drain", detail: detail) }
            snd_pcm_prepare(handle)
        }
    }

    /// Drops whatever is not yet played (`snd_pcm_drop`, then `snd_pcm_prepare` for what comes next).
    public func dropPending() {
        try? pcm.withHandle("drop") { handle in
            snd_pcm_drop(handle)
            snd_pcm_prepare(handle)
        }
    }

    /// Underruns recovered so far.
    public var recoveries: Int { pcm.recoveries }

    /// Turns the warning logged per underrun on or off.
    public func setRecoveryLogging(_ on: Bool) { pcm.setRecoveryLogging(on) }

    /// Releases the device, dropping anything not yet played.
    public func close() { pcm.close() }
}
