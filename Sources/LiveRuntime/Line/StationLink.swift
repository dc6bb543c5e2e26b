import CallQueue
import Foundation
import SoundIO

/// An agent's station (a headset PCM) bridged with a caller's line, both ways.
///
/// Driven from the caller's line thread: each period the caller's audio is written to the
/// station and the same number of frames is read back from it for the caller to hear. The
/// station side ends when the agent hangs up (``hangUp()``, e.g. `ivr line hangup AGENT`) or
/// its device fails; the caller side when the caller hangs up. Either way `onEnd` tells the
/// queue who ended the conversation, once.
public final class StationLink: @unchecked Sendable {
    /// The agent at the station.
    public let agentID: String
    private let source: any AudioSource
    private let sink: any AudioSink
    private let lock = NSLock()
    private var hangUpRequested = false
    private var ended = false
    private var primed = false
    private let primingFrames: Int
    private let onEnd: @Sendable (CompletedBy) -> Void

    /// A station made of a source (the agent's microphone) and a sink (the agent's earpiece).
    public init(agentID: String, source: any AudioSource, sink: any AudioSink, primingFrames: Int = 320,
                onEnd: @escaping @Sendable (CompletedBy) -> Void) {
        self.agentID = agentID
        self.source = source
        self.sink = sink
        self.primingFrames = primingFrames
        self.onEnd = onEnd
    }

    /// Opens the station's PCMs (usually one name for both, e.g. a headset).
    public static func open(agentID: String, playback: ALSADevice, capture: ALSADevice,
                            configuration: LineConfiguration = LineConfiguration(),
                            onEnd: @escaping @Sendable (CompletedBy) -> Void) throws(LiveCallError) -> StationLink {
        let ports = try LinePorts.open(playback: playback, capture: capture, configuration: configuration)
        return StationLink(agentID: agentID, source: ports.source, sink: ports.sink, onEnd: onEnd)
    }

    /// The agent hangs up: the bridge ends at the next period.
    public func hangUp() { lock.withLock { hangUpRequested = true } }

    /// Whether the agent asked to hang up.
    public var isHangUpRequested: Bool { lock.withLock { hangUpRequested } }

    /// Sends the caller's audio to the agent and fills `output` with the agent's.
    func exchange(caller: UnsafeBufferPointer<Int16>, into output: UnsafeMutableBufferPointer<Int16>) throws(AudioLineError) {
        if !primed {
            primed = true
            try sink.write([Int16](repeating: 0, count: primingFrames))
        }
        try sink.write(caller)
        var filled = 0
        while filled < output.count {
            let got = try source.read(into: UnsafeMutableBufferPointer(rebasing: output[filled...]))
            if got == 0 {
                throw AudioLineError(kind: .failed, pcm: source.name, operation: "read", alsa: "the station's audio ended")
            }
            filled += got
        }
    }

    /// Closes the station and reports who ended the conversation (only the first time).
    func end(by side: CompletedBy) {
        let first = lock.withLock { () -> Bool in
            defer { ended = true }
            return !ended
        }
        guard first else { return }
        source.close()
        sink.close()
        onEnd(side)
    }
}
