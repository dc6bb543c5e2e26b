import CALSA
import Foundation
import Logging

/// An open, configured ALSA PCM handle (S16_LE, mono, interleaved). Internal to SoundIO.
///
/// Every call on the handle is made under `lock`, so `close()` from another thread waits for a
/// blocking read or write (at most one period) instead of racing it.
final class ALSAPCM: @unchecked Sendable {
    let device: ALSADevice
    let configuration: LineConfiguration
    let direction: String
    /// Period and buffer sizes as the device granted them.
    let periodFrames: Int
    let bufferFrames: Int
    let lock = NSLock()
    private var handle: OpaquePointer?
    /// Xruns recovered so far (under `lock`).
    private var recovered = 0
    /// Whether each recovery is logged as a warning (under `lock`); a line that reports stalls
    /// itself turns this off.
    private var logging = true

    init(device: ALSADevice, capture: Bool, configuration: LineConfiguration) throws(AudioLineError) {
        self.device = device
        self.configuration = configuration
        self.direction = capture ? "capture" : "playback"
        let stream = capture ? SND_PCM_STREAM_CAPTURE : SND_PCM_STREAM_PLAYBACK
        let handle = try Self.open(device, stream: stream, direction: direction)
        do {
            (periodFrames, bufferFrames) = try Self.setUp(handle, device: device, configuration: configuration,
                                                          capture: capture)
        } catch {
            snd_pcm_close(handle)
            throw error
        }
        self.handle = handle
    }

    deinit { if let handle { snd_pcm_close(handle) } }

    /// Runs `body` with the open handle under the lock; throws when closed.
    func withHandle<T>(_ operation: String, _ body: (OpaquePointer) throws(AudioLineError) -> T)
        throws(AudioLineError) -> T {
        lock.lock()
        defer { lock.unlock() }
        guard let handle else {
            throw AudioLineError(kind: .failed, pcm: device.name, operation: operation,
                                 alsa: "the line is closed")
        }
        return try body(handle)
    }

    /// Closes the handle (waiting for a read or write in progress); closing twice does nothing.
    func close() {
        lock.lock()
        defer { lock.unlock() }
        if let handle { snd_pcm_close(handle) }
        handle = nil
    }

    /// Xruns (underruns, overruns, suspends) recovered so far.
    var recoveries: Int { lock.withLock { recovered } }

    /// Turns the warning per recovery on or off.
    func setRecoveryLogging(_ on: Bool) { lock.withLock { logging = on } }

    /// Recovers from an xrun or suspend with `snd_pcm_recover`, logging it; throws what cannot be recovered.
    func recover(_ handle: OpaquePointer, from code: Int32, during operation: String,
                 detail: String? = nil) throws(AudioLineError) {
        let what = code == -EPIPE ? (direction == "capture" ? "overrun" : "underrun") : "error"
        let recovered = snd_pcm_recover(handle, code, 1)
        guard recovered == 0 else { throw error(code, operation: operation, detail: detail) }
        self.recovered += 1
        guard logging else { return }
        configuration.logger.warning("ALSA \(direction) \(what) on '\(device.name)' during \(operation); recovered",
                                     metadata: ["pcm": "\(device.name)", "alsa": "\(String(cString: snd_strerror(code)))"])
    }

    /// An `AudioLineError` for an ALSA return code.
    func error(_ code: Int32, operation: String, detail: String? = nil) -> AudioLineError {
        AudioLineError(kind: ALSAErrorDetail.kind(code), pcm: device.name, operation: operation,
                       alsa: ALSAErrorDetail.message(code, detail: detail), code: code)
    }

    private static func open(_ device: ALSADevice, stream: snd_pcm_stream_t, direction: String)
        throws(AudioLineError) -> OpaquePointer {
        let operation = "open for \(direction)"
        var config: OpaquePointer?
        if let text = device.configuration {
            config = try loadConfiguration(text, pcm: device.name)
        }
        defer { if let config { snd_config_delete(config) } }
        var pcm: OpaquePointer?
        let (status, detail) = ALSAErrorDetail.capturing {
            if let config {
                return snd_pcm_open_lconf(&pcm, device.name, stream, 0, config)
            }
            return snd_pcm_open(&pcm, device.name, stream, 0)
        }
        guard status == 0, let pcm else {
            throw AudioLineError(kind: ALSAErrorDetail.kind(status), pcm: device.name, operation: operation,
                                 alsa: ALSAErrorDetail.message(status, detail: detail), code: status)
        }
        return pcm
    }

    private static func loadConfiguration(_ text: String, pcm: String) throws(AudioLineError) -> OpaquePointer {
        var top: OpaquePointer?
        var input: OpaquePointer?
        let (status, detail) = ALSAErrorDetail.capturing { () -> Int32 in
            var status = snd_config_top(&top)
            if status < 0 { return status }
            status = text.withCString { snd_input_buffer_open(&input, $0, strlen($0)) }
            if status < 0 { return status }
            status = snd_config_load(top, input)
            snd_input_close(input)
            return status
        }
        guard status == 0, let top else {
            if let top { snd_config_delete(top) }
            throw AudioLineError(kind: .badConfiguration, pcm: pcm, operation: "load its configuration",
                                 alsa: ALSAErrorDetail.message(status, detail: detail), code: status)
        }
        return top
    }
}
