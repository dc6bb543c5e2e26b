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
///
/// The station may run on another crystal than the caller's line: on devices with a real clock
/// (``PacedCapture``/``PacedPlayback``) a ``DriftCorrector`` per direction watches the station's fill
/// levels and drops or inserts a frame or two per period, so the delay each way stays bounded
/// however long the conversation. What piled up in the station's capture before the bridge is dropped.
/// After an underrun of the station's playback the link primes it again, so its level (what the
/// corrector follows) comes back off the floor.
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
    /// The station playback's underrun recoveries already answered with fresh priming.
    private var stationUnderruns = 0
    /// Drift correction toward the agent (the station's playback level) and from them (its capture backlog).
    private var toAgent: DriftCorrector
    private var fromAgent: DriftCorrector
    /// The station's audio read ahead (everything it had each period), for the drift corrector to measure.
    private var fromStation: [Int16] = []
    private var scratch: [Int16] = []
    private let onEnd: @Sendable (CompletedBy) -> Void
    private let remoteHungUp: @Sendable () -> Bool

    /// A station made of a source (the agent's microphone) and a sink (the agent's earpiece).
    /// `remoteHungUp` says when the station itself hung up (a SIP phone's BYE).
    public init(agentID: String, source: any AudioSource, sink: any AudioSink, primingFrames: Int = 320,
                remoteHungUp: @escaping @Sendable () -> Bool = { false },
                onEnd: @escaping @Sendable (CompletedBy) -> Void) {
        self.remoteHungUp = remoteHungUp
        self.agentID = agentID
        self.source = source
        self.sink = sink
        self.primingFrames = primingFrames
        self.onEnd = onEnd
        toAgent = DriftCorrector(period: max(1, sink.periodFrames))
        fromAgent = DriftCorrector(period: max(1, source.periodFrames))
    }

    /// Frames inserted and dropped so far to follow the station's clock (both directions).
    public var driftCorrection: (inserted: Int, dropped: Int) {
        (toAgent.inserted + fromAgent.inserted, toAgent.dropped + fromAgent.dropped)
    }

    /// The same, per direction: into the station's playback, and out of its capture.
    public var driftCorrectionByDirection: (toAgent: (inserted: Int, dropped: Int), fromAgent: (inserted: Int, dropped: Int)) {
        ((toAgent.inserted, toAgent.dropped), (fromAgent.inserted, fromAgent.dropped))
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

    /// Whether the agent asked to hang up (or their phone did).
    public var isHangUpRequested: Bool { lock.withLock { hangUpRequested } || remoteHungUp() }

    /// Sends the caller's audio to the agent and fills `output` with the agent's.
    func exchange(caller: UnsafeBufferPointer<Int16>, into output: UnsafeMutableBufferPointer<Int16>) throws(AudioLineError) {
        let pacedSource = source as? any PacedCapture
        let pacedSink = sink as? any PacedPlayback
        if !primed {
            primed = true
            if let pacedSource {
                try pacedSource.start()
                var scratch = [Int16](repeating: 0, count: source.periodFrames)
                while pacedSource.waitingFrames() > source.periodFrames {
                    if try scratch.withUnsafeMutableBufferPointer({ (buffer) throws(AudioLineError) in
                        try source.read(into: buffer)
                    }) == 0 { break }
                }
            }
            try primeStation(pacedSink)
        }
        // The station's playback ran dry (its process or the sound server was late): after
        // the recovery it holds nothing, and one period a turn would leave it on the edge of the
        // next underrun, so give it its cushion back, as the caller's line re-primes its own.
        if let pacedSink, pacedSink.recoveries != stationUnderruns { try primeStation(pacedSink) }
        let toward = pacedSink.map { toAgent.correction(level: $0.pendingFrames()) } ?? 0
        try sink.write(DriftCorrector.stretch(Array(caller), by: toward))
        // From the agent: take everything the station has now (so nothing piles up unseen in the
        // sound server), wait for at least a period, and let the level of what is held decide.
        if let pacedSource {
            var turns = 0
            while turns < 16, try readFromStation(now: pacedSource) > 0 { turns += 1 }
        }
        while fromStation.count < output.count + 2 { try readFromStation() }
        let from = pacedSource.map { fromAgent.correction(level: fromStation.count + $0.waitingFrames()) } ?? 0
        let wanted = output.count - from
        while fromStation.count < wanted { try readFromStation() }
        let heard = DriftCorrector.stretch(Array(fromStation.prefix(wanted)), by: from)
        fromStation.removeFirst(wanted)
        for index in output.indices { output[index] = heard[index] }
    }

    /// Writes the priming silence to the station and notes its underruns so far as answered.
    private func primeStation(_ pacedSink: (any PacedPlayback)?) throws(AudioLineError) {
        try sink.write([Int16](repeating: 0, count: primingFrames))
        stationUnderruns = pacedSink?.recoveries ?? 0
    }

    /// Reads what the station has now (up to a period) into `fromStation`, without waiting.
    private func readFromStation(now capture: any PacedCapture) throws(AudioLineError) -> Int {
        if scratch.count != source.periodFrames { scratch = [Int16](repeating: 0, count: source.periodFrames) }
        let got = try scratch.withUnsafeMutableBufferPointer { (buffer) throws(AudioLineError) in try capture.readNow(into: buffer) }
        fromStation += scratch[0..<got]
        return got
    }

    /// Reads up to a period from the station into `fromStation` (blocking until there is audio).
    private func readFromStation() throws(AudioLineError) {
        if scratch.count != source.periodFrames { scratch = [Int16](repeating: 0, count: source.periodFrames) }
        let got = try scratch.withUnsafeMutableBufferPointer { (buffer) throws(AudioLineError) in try source.read(into: buffer) }
        if got == 0 {
            throw AudioLineError(kind: .failed, pcm: source.name, operation: "read", alsa: "the station's audio ended")
        }
        fromStation += scratch[0..<got]
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
