import CallFlow
import Foundation
import Storage
import SoundIO
import Telephony

/// One call on a live line: feeds the interpreter its events and carries out its actions.
///
/// Time is the line's sample clock: `now` counts capture frames, `written` counts playback frames.
/// Playback runs `primingFrames` ahead of capture, and a sample written at playback index `p` is
/// heard at line time `p`; so a play list ending at index `E` has played out once `now >= E`,
/// which is when ``CallEvent/promptFinished`` is sent. Timers fire on `now`, at period resolution.
///
/// Not thread-safe: a ``LiveLine`` drives it from its one line thread (`start`, then per period
/// `process` and `fill`). Reach it from elsewhere only through a ``LineControl``.
public final class LiveCall: @unchecked Sendable {
    let program: FlowProgram
    let interpreter: CallInterpreter
    let sounds: PromptSet
    let records: CallRecords?
    let options: LiveCallOptions
    var state = CallState()
    var actions: [CallAction] = []
    var inbox: [CallEvent] = []
    var playout: Playout
    var notes: [Playout.Note] = []
    var dtmf = DTMFReceiver()
    lazy var echo = options.echoCanceller.map { LineEchoCanceller(settings: $0) }
    /// Capture frames read so far: the line clock.
    public internal(set) var now = 0
    /// Playback frames written so far.
    public internal(set) var written = 0
    var timers: [(id: TimerID, due: Int)] = []
    var playSerial = -1
    var playEnd: Int?
    var beepSerial = -1
    var beepEnd: Int?
    var pendingRecord: RecordRequest?
    var recorder: VoicemailRecorder?
    var recordingFile: String?
    var recordingID: Int64?
    var recordingLock: VoicemailRecordingLock?
    var recordingStartedAt = Date()
    var recordingStep: String?
    var recordingTopic: String?
    var lastKeyStart: Int?
    var savedVoicemailID: Int64?
    var queued = false
    var joinedQueueAt: Int?
    var leftQueueAt: Int?
    var connectedAt: Int?
    var lastQueue: String?
    var agentID: String?
    /// True while the caller talks with an agent (the line bridges audio instead of playing prompts).
    public internal(set) var isConnectedToAgent = false
    var lastStatusCheck = 0
    /// The line's control: the queue reaches the call through it.
    public let control: LineControl
    /// What happened, in order.
    public internal(set) var transcript = LiveTranscript()
    /// How the call ended, once it has.
    public internal(set) var outcome: CallOutcome?
    /// Problems met on the way (a store or recording failure) that did not stop the call.
    public internal(set) var problems: [LiveCallError] = []

    /// A call through `program`, playing `sounds`, keeping messages and callbacks in `records`.
    public init(program: FlowProgram, sounds: PromptSet, records: CallRecords?, options: LiveCallOptions,
                control: LineControl = LineControl()) {
        self.program = program
        self.control = control
        interpreter = CallInterpreter(program: program)
        self.sounds = sounds
        self.records = records
        self.options = options
        playout = Playout(music: sounds.music)
        actions.reserveCapacity(16)
    }

    /// True once the flow has hung up.
    public var hasEnded: Bool { state.hasEnded }

    /// Line time in seconds.
    var seconds: Double { Double(now) / 8000 }

    /// Answers the call: the flow starts at line time 0.
    public func start() {
        post(.callStarted(callerID: options.callerID, at: options.start))
        drain()
    }

    /// Handles one captured period: recording, keys (in-band and `keys` typed elsewhere), timers,
    /// prompt ends, and a hang-up from the bridge.
    public func process(_ captured: UnsafeBufferPointer<Int16>, keys: [PhoneKey] = [], events: [CallEvent] = [],
                        hangUp: Bool = false) {
        guard !hasEnded else { return }
        let captured = echo?.cancel(captured, at: now) ?? captured
        now += captured.count
        if let recorder {
            do {
                if let reason = try recorder.append(captured) { finishRecording(reason, keyStart: nil) }
            } catch { fail(error) }
        }
        dtmf.process(captured)
        for event in dtmf.pendingEvents {
            guard case .keyDown(let key, let start) = event, let phoneKey = PhoneKey(key.character) else { continue }
            lastKeyStart = start
            log(now, "digit", value: String(key.character))
            post(.digit(phoneKey))
        }
        dtmf.clearPendingEvents()
        for key in keys {
            lastKeyStart = now
            log(now, "digit", value: "\(key.character) (keyed)")
            post(.digit(key))
        }
        for event in events {
            log(now, Self.name(of: event))
            if case .agentConnected = event {
                isConnectedToAgent = true
                queued = false
                connectedAt = now
                agentID = control.bridgedStation?.agentID
            }
            if case .agentDisconnected = event { isConnectedToAgent = false }
            post(event)
        }
        drain()
        checkQueueStatus()
        fireTimers()
        if let end = playEnd, end <= now {
            playEnd = nil
            post(.promptFinished)
            drain()
        }
        if pendingRecord != nil, let end = beepEnd, end <= now { startRecording() }
        if hangUp { callerHungUp() }
    }

    /// Writes the next playback period into `buffer` (zeroed here first).
    public func fill(_ buffer: UnsafeMutableBufferPointer<Int16>) {
        for index in buffer.indices { buffer[index] = 0 }
        if !hasEnded {
            notes.removeAll(keepingCapacity: true)
            playout.fill(buffer, at: written, notes: &notes)
            for note in notes { handle(note) }
        }
        echo?.played(UnsafeBufferPointer(buffer), count: buffer.count, at: written)
        written += buffer.count
    }

    /// Counts a period of playback that came from elsewhere (an agent's station), keeping the clock.
    func skipPlayback(_ frames: Int) {
        echo?.played(nil, count: frames, at: written)
        written += frames
    }

    /// The caller hung up (the bridge said so, Ctrl-C, or the capture ended): a message being
    /// recorded is kept when long enough.
    public func callerHungUp() {
        guard !hasEnded else { return }
        log(now, "caller-hangup")
        if recorder != nil || pendingRecord != nil { finishRecording(.callerHungUp, keyStart: nil) }
        post(.callerHungUp)
        drain()
    }

    /// The line failed (device missing, unplugged): the call ends as a hang-up, keeping the message.
    public func lineFailed(_ error: LiveCallError) {
        log(now, "error", value: error.description)
        problems.append(error)
        callerHungUp()
    }

    func post(_ event: CallEvent) { inbox.append(event) }

    /// Every 5 s of line time while queued, tells the flow the caller's place and wait.
    func checkQueueStatus() {
        guard queued, now - lastStatusCheck >= 5 * 8000 else { return }
        lastStatusCheck = now
        if let status = options.queues.status(call: options.callNumber) {
            post(.queueStatus(position: status.position, estimatedWait: status.estimatedWait ?? -1))
            drain()
        }
    }

    static func name(of event: CallEvent) -> String {
        switch event {
        case .agentConnected: "agent-connected"
        case .agentDisconnected: "agent-disconnected"
        case .queueEmpty: "queue-empty"
        default: "event"
        }
    }

    /// Feeds queued events in order, carrying out each batch of actions (which may queue more).
    func drain() {
        var index = 0
        while index < inbox.count && !hasEnded {
            actions.removeAll(keepingCapacity: true)
            interpreter.handle(inbox[index], now: seconds, call: &state, actions: &actions)
            index += 1
            let batch = actions
            for action in batch { perform(action) }
        }
        inbox.removeAll(keepingCapacity: true)
    }

    func fireTimers() {
        while let next = timers.indices.filter({ timers[$0].due <= now }).min(by: { timers[$0].due < timers[$1].due }) {
            let timer = timers.remove(at: next)
            if timer.id.kind != .announcement { log(now, "timeout", name: timer.id.kind.name) }
            post(.timerFired(timer.id))
            drain()
            if hasEnded { return }
        }
    }

    func handle(_ note: Playout.Note) {
        switch note {
        case .started(let name, let at):
            log(at, name == "beep" ? "beep" : "prompt", name: name == "beep" ? nil : name)
        case .ended(let serial, let at):
            if serial == playSerial { playEnd = at }
            if serial == beepSerial { beepEnd = at }
        }
    }

    func fail(_ error: LiveCallError) {
        log(now, "error", value: error.description)
        problems.append(error)
    }

    func log(_ frame: Int, _ type: String, name: String? = nil, value: String? = nil) {
        transcript.add(frame, type, name: name, value: value)
        if let onEntry = options.onEntry, let entry = transcript.entries.last { onEntry(entry) }
    }
}
