import CALSA
import Foundation

extension ALSAPCM {
    /// Sets S16_LE, mono, interleaved, the rate, and explicit period and buffer sizes; then the
    /// software parameters (wake up per period; playback starts once one period is queued).
    ///
    /// Returns the period and buffer sizes the device granted.
    static func setUp(_ pcm: OpaquePointer, device: ALSADevice, configuration: LineConfiguration,
                      capture: Bool) throws(AudioLineError) -> (period: Int, buffer: Int) {
        var hw: OpaquePointer?
        snd_pcm_hw_params_malloc(&hw)
        defer { snd_pcm_hw_params_free(hw) }
        func check(_ status: Int32, _ what: String) throws(AudioLineError) {
            guard status < 0 else { return }
            let kind: AudioLineError.Kind = status == -EINVAL ? .unsupportedSetup : ALSAErrorDetail.kind(status)
            throw AudioLineError(kind: kind, pcm: device.name, operation: "set \(what)",
                                 alsa: String(cString: snd_strerror(status)), code: status)
        }
        try check(snd_pcm_hw_params_any(pcm, hw), "hardware parameters")
        try check(snd_pcm_hw_params_set_access(pcm, hw, SND_PCM_ACCESS_RW_INTERLEAVED), "interleaved access")
        try check(snd_pcm_hw_params_set_format(pcm, hw, SND_PCM_FORMAT_S16_LE), "format S16_LE")
        try check(snd_pcm_hw_params_set_channels(pcm, hw, 1), "1 channel")
        try check(snd_pcm_hw_params_set_rate(pcm, hw, UInt32(configuration.sampleRate), 0),
                  "rate \(configuration.sampleRate) Hz")
        var period = snd_pcm_uframes_t(configuration.periodFrames)
        var direction: Int32 = 0
        try check(snd_pcm_hw_params_set_period_size_near(pcm, hw, &period, &direction),
                  "period of \(configuration.periodFrames) frames")
        var buffer = snd_pcm_uframes_t(configuration.bufferFrames)
        try check(snd_pcm_hw_params_set_buffer_size_near(pcm, hw, &buffer),
                  "buffer of \(configuration.bufferFrames) frames")
        try check(snd_pcm_hw_params(pcm, hw), "hardware parameters")
        snd_pcm_hw_params_get_period_size(hw, &period, &direction)
        snd_pcm_hw_params_get_buffer_size(hw, &buffer)

        var sw: OpaquePointer?
        snd_pcm_sw_params_malloc(&sw)
        defer { snd_pcm_sw_params_free(sw) }
        try check(snd_pcm_sw_params_current(pcm, sw), "software parameters")
        try check(snd_pcm_sw_params_set_avail_min(pcm, sw, period), "wake-up size")
        try check(snd_pcm_sw_params_set_start_threshold(pcm, sw, capture ? 1 : period), "start threshold")
        try check(snd_pcm_sw_params(pcm, sw), "software parameters")
        let askedPeriod = snd_pcm_uframes_t(configuration.periodFrames)
        let askedBuffer = snd_pcm_uframes_t(configuration.bufferFrames)
        if period > 2 * askedPeriod || buffer > 2 * askedBuffer {
            configuration.logger.warning("""
                ALSA '\(device.name)' granted period \(period) and buffer \(buffer) frames, far more than the \
                \(configuration.periodFrames) and \(configuration.bufferFrames) asked: keys and barge-in will be late \
                by up to \(Int(buffer) * 1000 / configuration.sampleRate) ms; use a PCM that allows small periods
                """)
        } else if period != askedPeriod || buffer != askedBuffer {
            configuration.logger.notice("""
                ALSA '\(device.name)' granted period \(period) and buffer \(buffer) frames \
                (asked \(configuration.periodFrames) and \(configuration.bufferFrames))
                """)
        }
        return (Int(period), Int(buffer))
    }
}
