import CallFlow
import Foundation
import Storage
import SoundIO
import Telephony

/// One call on a live line: the ``CallPort`` of an audio line. The ``CallRunner`` in ``call``
/// feeds the interpreter and carries out its actions; this class only moves audio.
///
/// Time is the line's sample clock: `now` counts capture frames, `written` counts playback frames;
/// the runner sees `now` in seconds (``seconds``). Playback runs `primingFrames` ahead of capture,
/// and a sample written at playback index `p` is heard at line time `p`; so a play list ending at
/// index `E` has played out once `now >= E`, which is when the runner hears of it. Timers fire on
/// `now`, at period resolution.
///
/// Not thread-safe: a ``LiveLine`` drives it from its one line thread (`start`, then per period
/// `process` and `fill`). Reach it from elsewhere only through a ``LineControl``. Nothing here
/// touches the store: store work goes to ``CallRecords``' serial writer.
public final class LiveCall: @unchecked Sendable, CallPort {
    let program: FlowProgram
    /// The interpreter (the runner feeds it).
    public let interpreter: CallInterpreter
    let sounds: PromptSet
    let records: CallRecords?
    let options: LiveCallOptions
    /// The runner's state of this call.
    public var call = CallRunner()
    /// The runner's scratch list of actions.
    public var actionBuffer: [CallAction] = []
    var playout: Playout
    var notes: [Playout.Note] = []
    var dtmf = DTMFReceiver()
    lazy var echo = options.echoCanceller.map { LineEchoCanceller(settings: $0) }
    /// Capture frames read so far: the line clock.
    public internal(set) var now = 0
    /// Playback frames written so far.
    public internal(set) var written = 0
    var playoutSerial = -1
    var playSerial: UInt32 = 0
    var playEnd: Int?
    var beepSerial = -1
    var beepEnd: Int?
    var pendingRecord: RecordRequest?
    var recorder: VoicemailRecorder?
    var recordingFile: String?
    var recordingLock: VoicemailRecordingLock?
    var recordingStartedAt = Date()
    var recordingStep: String?
    var recordingTopic: String?
    var lastKeyStart: Int?
    /// Whether a message was kept on this call (a callback after it comes from voicemail).
    var keptMessage = false
    /// What this call queued on the store writer (rows made, errors met).
    let storeWork = CallRecords.CallWork()
    var joinedQueueAt: Int?
    var leftQueueAt: Int?
    var connectedAt: Int?
    var lastQueue: String?
    var agentID: String?
    var lastStatusCheck = 0
    /// The line's control: the queue reaches the call through it.
    public let control: LineControl
    /// Problems met on the way (a store or recording failure) that did not stop the call.
    public internal(set) var problems: [LiveCallError] = []

    /// A call through `program`, playing `sounds`, keeping messages and callbacks in `records`.
    public init(program: FlowProgram, sounds: PromptSet, records: CallRecords?, options: LiveCallOptions,
                control: LineControl = LineControl()) {
        // The queues' settings in force as the call starts fill in what its queue steps leave out.
        let program = program.applyingQueueSettings { options.queues.queueConfig(named: $0) }
        self.program = program
        self.control = control
        interpreter = CallInterpreter(program: program)
        self.sounds = sounds
        self.records = records
        self.options = options
        playout = Playout(music: sounds.music)
        actionBuffer.reserveCapacity(16)
        call.onEvent = options.onEntry
    }

    /// True once the flow has hung up.
    public var hasEnded: Bool { call.hasEnded }

    /// True while the caller talks with an agent (the line bridges audio instead of playing prompts).
    public var isConnectedToAgent: Bool { call.isConnected }

    /// How the call ended, once it has.
    public var outcome: CallOutcome? { call.outcome }

    /// What happened, in order, with line times.
    public var transcript: Transcript { call.transcript(program: program, callerID: options.callerID, start: options.start) }

    /// Line time in seconds: the runner's clock.
    var seconds: Double { Double(now) / 8000 }

    /// Answers the call: the flow starts at line time 0.
    public func start() {
        var me = self
        CallRunner.start(callerID: options.callerID, at: options.start, now: 0, &me)
    }

    /// Handles one captured period: recording, keys (in-band and `keys` typed elsewhere), queue
    /// events, timers, prompt ends, and a hang-up from the bridge.
    public func process(_ captured: UnsafeBufferPointer<Int16>, keys: [DTMFKey] = [], events: [CallEvent] = [],
                        hangUp: Bool = false) {
        guard !hasEnded else { return }
        let captured = echo?.cancel(captured, at: now) ?? captured
        var me = self
        now += captured.count
        if let recorder {
            do {
                if let reason = try recorder.append(captured) {
                    let duration = finishRecorder(reason, keyStart: nil)
                    CallRunner.recordingStopped(serial: call.recordSerial, reason, duration: duration, at: seconds, &me)
                }
            } catch { fail(error) }
        }
        dtmf.process(captured)
        for event in dtmf.pendingEvents {
            guard case .keyDown(let key, let start) = event else { continue }
            lastKeyStart = start
            CallRunner.keyPressed(key, at: seconds, &me)
        }
        dtmf.clearPendingEvents()
        for key in keys {
            lastKeyStart = now
            CallRunner.keyPressed(key, keyed: true, at: seconds, &me)
        }
        for event in events {
            if case .agentConnected = event {
                connectedAt = now
                agentID = control.bridgedStation?.agentID
            }
            CallRunner.queueEvent(event, at: seconds, &me)
        }
        checkQueueStatus()
        CallRunner.fireDueTimers(at: seconds, &me)
        if let end = playEnd, end <= now {
            playEnd = nil
            CallRunner.playedOut(serial: playSerial, at: seconds, &me)
        }
        if pendingRecord != nil, let end = beepEnd, end <= now, !openRecording() {
            CallRunner.recordingStopped(serial: call.recordSerial, .maxLength, duration: 0, at: seconds, &me)
        }
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
        echo?.played(UnsafeBufferPointer(buffer), count: buffer.count, at: written + options.echoDelayFrames)
        written += buffer.count
    }

    /// Counts a period of playback that came from elsewhere (an agent's station), keeping the clock.
    func skipPlayback(_ frames: Int) {
        echo?.played(nil, count: frames, at: written + options.echoDelayFrames)
        written += frames
    }

    /// The caller hung up (the bridge said so, Ctrl-C, or the capture ended): a message being
    /// recorded is kept when long enough.
    public func callerHungUp() {
        var me = self
        CallRunner.callerHungUp(at: seconds, &me)
    }

    /// The line failed (device missing, unplugged): the call ends as a hang-up, keeping the message.
    public func lineFailed(_ error: LiveCallError) {
        fail(error)
        callerHungUp()
    }

    /// Every 5 s of line time while queued, tells the flow the caller's place and wait.
    func checkQueueStatus() {
        guard call.isQueued, now - lastStatusCheck >= 5 * 8000 else { return }
        lastStatusCheck = now
        if let status = options.queues.status(call: options.callNumber) {
            var me = self
            CallRunner.feed(.queueStatus(position: status.position, estimatedWait: status.estimatedWait ?? -1), at: seconds, &me)
        }
    }

    func handle(_ note: Playout.Note) {
        switch note {
        case .started(let prompt, let serial, let at):
            var me = self
            if serial == beepSerial {
                CallRunner.beepStarted(serial: call.recordSerial, at: Double(at) / 8000, &me)
            } else if serial == playoutSerial {
                CallRunner.promptStarted(prompt, serial: playSerial, at: Double(at) / 8000, &me)
            }
        case .ended(let serial, let at):
            if serial == playoutSerial { playEnd = at }
            if serial == beepSerial { beepEnd = at }
        }
    }

    /// Waits for the call's store writes (after hang-up, off the audio path) and keeps their errors.
    func finishStoreWork() {
        records?.flush()
        for error in storeWork.takeFailures() { fail(error) }
    }

    func fail(_ error: LiveCallError) {
        call.log(seconds, "error", value: error.description)
        problems.append(error)
    }

    /// Adds a line event (line start, stall) to the transcript at capture frame `frame`.
    func log(_ frame: Int, _ type: String, name: String? = nil, value: String? = nil) {
        call.log(Double(frame) / 8000, type, name: name, value: value)
    }
}
