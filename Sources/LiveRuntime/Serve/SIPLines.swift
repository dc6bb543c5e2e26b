import CallFlow
import Foundation
import Telephony
import SIP
import SoundIO

/// Runs SIP calls on the live engine: each answered call becomes a ``LiveCall`` on its own line
/// thread, with the call's RTP source and sink as its media port and RFC 4733 keys posted through
/// its ``LineControl``. The call's time is its media clock (one 20 ms tick per RTP packet).
public final class SIPLines: @unchecked Sendable {
    /// A flow and its sounds, answering one called number (or the rest).
    public struct Flow: Sendable {
        /// The compiled flow.
        public var program: FlowProgram
        /// Its prompts and music.
        public var sounds: PromptSet

        /// A flow with its sounds.
        public init(program: FlowProgram, sounds: PromptSet) {
            self.program = program
            self.sounds = sounds
        }
    }

    /// What the SIP lines need besides the flows.
    public struct Setup: Sendable {
        /// Listen address, capacity, codecs, ports.
        public var settings: SIPSettings
        /// Flows by called number; `default` answers the rest.
        public var flows: [String: Flow]
        /// Where messages and callbacks go.
        public var records: CallRecords
        /// The shared queue.
        public var queue: SharedQueue
        /// The business-hours time of a call answered now (e.g. `--at` plus the time served).
        public var clock: @Sendable () -> Date
        /// Each call's echo canceller (the prompt's echo from the far phone or gateway); nil: off, the default.
        public var echoCanceller: EchoCanceller.Settings?

        /// Everything `ivr serve` wires together.
        public init(settings: SIPSettings, flows: [String: Flow], records: CallRecords, queue: SharedQueue,
                    clock: @escaping @Sendable () -> Date = { Date() },
                    echoCanceller: EchoCanceller.Settings? = nil) {
            self.echoCanceller = echoCanceller
            self.settings = settings
            self.flows = flows
            self.records = records
            self.queue = queue
            self.clock = clock
        }
    }

    private struct Running {
        var control: LineControl
        var number: UInt64
    }

    private let setup: Setup
    private let log: @Sendable (String) -> Void
    private let numbers: @Sendable () -> UInt64
    private let lock = NSLock()
    private var running: [Int: Running] = [:]
    private var priorityNoted = false
    var server: SIPServer!

    /// SIP lines for `setup`; `numbers` hands out call numbers shared with the ALSA lines.
    public init(setup: Setup, log: @escaping @Sendable (String) -> Void, numbers: @escaping @Sendable () -> UInt64) {
        self.setup = setup
        self.log = log
        self.numbers = numbers
        server = SIPServer(settings: setup.settings, log: log) { [weak self] call in self?.answered(call) }
    }

    /// Binds the SIP port and starts taking calls.
    public func start() throws(SIPError) {
        try server.start()
        log("sip: media sender thread at \(MediaSender.shared.start())")
    }

    /// Hangs up every SIP call (BYE; messages are kept) and stops the SIP thread.
    public func stop(timeout: TimeInterval = 5) {
        let controls = lock.withLock { running.values.map(\.control) }
        for control in controls { control.hangUp() }
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline && !(lock.withLock { running.isEmpty }) { usleep(10_000) }
        server.stop()
    }

    /// One line per SIP call: `sip CALL-ID caller NUMBER STATE codec C packets RX/TX loss N jitter J ms`,
    /// one per call Switchboard placed (`sip agent alice at sip:… ringing|talking|held talking codec C packets RX/TX …`),
    /// then the media timing summary. Credentials never appear here.
    public func statusLines() -> [String] {
        var lines: [String] = []
        for call in server.calls {
            let stats = call.statistics
            lines.append("sip \(call.callID) caller \(call.caller ?? "withheld") \(call.state) codec \(call.codec.rawValue) "
                + "packets \(stats.received)/\(stats.sent) loss \(stats.lost) jitter \(String(format: "%.1f", stats.jitterMilliseconds)) ms")
        }
        for leg in server.legs where !leg.hasEnded {
            let stats = leg.statistics
            lines.append("sip \(leg.label) at \(leg.uri) \(leg.isHeld ? "held " : "")\(leg.state) codec \(leg.state == "talking" ? leg.codec?.rawValue ?? "-" : "-") "
                + "packets \(stats.received)/\(stats.sent) loss \(stats.lost) jitter \(String(format: "%.1f", stats.jitterMilliseconds)) ms")
        }
        if let registration = setup.settings.registration, let state = server.registrationStatus {
            lines.append("sip registration \(registration) \(state)")
        }
        let timing = server.timing.summary
        lines.append("sip listening \(setup.settings.transports) \(setup.settings.listen) calls \(server.calls.count)/\(setup.settings.maxCalls) "
            + "sent \(timing.sent) late \(timing.late) p99 \(String(format: "%.1f", timing.p99Milliseconds)) ms"
            + " (lines behind \(server.timing.packetsBehind))")
        return lines
    }

    /// The flow for a called number: an exact match, the same number in E.164, else `default`.
    func flow(for called: String) -> Flow? {
        if let flow = setup.flows[called] { return flow }
        if let e164 = CallerNumber.e164(fromUser: called), let flow = setup.flows[e164] { return flow }
        return setup.flows["default"]
    }

    /// An answered call (SIP thread): start its line thread and return.
    private func answered(_ sipCall: SIPCall) {
        guard let flow = flow(for: sipCall.called) else {
            log("sip: call \(sipCall.number): no flow for \(sipCall.called) and no default; hanging up")
            sipCall.hangUp()
            sipCall.source.close()
            return
        }
        let control = LineControl()
        sipCall.onKey = { key in if let key = DTMFKey(key) { control.press(key) } }
        sipCall.onHold = { held in control.post(held ? .callerHeld : .callerResumed) }
        let number = numbers()
        let log = self.log
        let name = "sip-\(number)"
        var options = LiveCallOptions(callerID: sipCall.caller, start: setup.clock(), primingFrames: RTPSourcePriming.frames) { entry in
            log("\(name) \(Transcript.line(entry))")
            if let state = SIPLines.callState(after: entry, control: control, was: sipCall.state) { sipCall.state = state }
        }
        options.callNumber = number
        options.lineName = "sip"
        options.queues = setup.queue
        options.echoCanceller = setup.echoCanceller
        options.echoDelayFrames = RTPSink.leadFrames
        let call = LiveCall(program: flow.program, sounds: flow.sounds, records: setup.records, options: options, control: control)
        lock.withLock { running[sipCall.number] = Running(control: control, number: number) }
        sipCall.state = "answering"
        let thread = Thread { [weak self] in
            if let refused = ThreadPriority.raiseLineThread() { self?.notePriority(refused) }
            sipCall.startMediaClock()
            let result = LiveLine.loop(call, source: sipCall.source, sink: sipCall.sink, control: control)
            self?.finished(sipCall, name: name, result)
        }
        thread.name = "switchboard.sip.\(sipCall.number)"
        thread.qualityOfService = .userInteractive
        thread.stackSize = 512 * 1024
        thread.start()
    }

    /// Logs, once, that line threads run at normal priority.
    private func notePriority(_ refusal: String) {
        let first = lock.withLock {
            defer { priorityNoted = true }
            return !priorityNoted
        }
        if first { log("sip: \(refusal)") }
    }

    private static func state(of entry: Transcript.Event, control: LineControl) -> String? {
        switch entry.type {
        case "step": "step \(entry.name ?? "?")"
        case "enqueue": "queue \(entry.name ?? "?")"
        case "agent-connected": "agent \(control.bridgedStation?.agentID ?? "?")"
        case "record": "recording \(entry.name ?? "?")"
        case "hangup": "hanging-up"
        default: nil
        }
    }

    private func finished(_ sipCall: SIPCall, name: String, _ result: LiveCallResult) {
        lock.withLock { _ = running.removeValue(forKey: sipCall.number) }
        for problem in result.problems { log("\(name) problem: \(problem.description)") }
        if let error = result.lineError { log("\(name) line failed: \(error.description)") }
        let stats = sipCall.statistics
        log("\(name) ended: \(result.outcome?.result.rawValue ?? "none") after \(String(format: "%.2f", Double(result.frames) / 8000)) s"
            + " (packets in \(stats.received) out \(stats.sent) lost \(stats.lost))")
    }

    /// The call's state for `ivr line status` after `entry` (nil: unchanged): as ``state(of:control:)``,
    /// led by `held ` while the caller holds.
    private static func callState(after entry: Transcript.Event, control: LineControl, was: String) -> String? {
        let held = was.hasPrefix("held ")
        switch entry.type {
        case "hold": return held ? nil : "held \(was)"
        case "resume": return held ? String(was.dropFirst(5)) : nil
        default: return state(of: entry, control: control).map { held ? "held \($0)" : $0 }
        }
    }
}

/// How far the flow's audio runs ahead of the caller's on a SIP call: one packet.
enum RTPSourcePriming {
    static let frames = 160
}
