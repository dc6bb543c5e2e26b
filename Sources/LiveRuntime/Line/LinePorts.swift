import SoundIO

/// The two ALSA PCMs of a line, opened together: playback first, then capture.
public struct LinePorts: Sendable {
    /// Where the caller hears the flow.
    public let sink: ALSAPlayback
    /// Where the caller's voice and keys come from.
    public let source: ALSACapture

    /// Opens both PCMs (they may be the same name, e.g. a headset or a loopback device).
    ///
    /// - Throws: ``LiveCallError/device(_:)`` naming the PCM and what to do (missing, busy, ...);
    ///   a PCM already opened is closed again.
    public static func open(playback: ALSADevice, capture: ALSADevice,
                            configuration: LineConfiguration = LineConfiguration()) throws(LiveCallError) -> LinePorts {
        let sink: ALSAPlayback
        do { sink = try ALSAPlayback(device: playback, configuration: configuration) } catch { throw .device(error) }
        do {
            let source = try ALSACapture(device: capture, configuration: configuration)
            return LinePorts(sink: sink, source: source)
        } catch {
            sink.close()
            throw .device(error)
        }
    }
}
