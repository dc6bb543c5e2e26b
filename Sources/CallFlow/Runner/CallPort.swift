/// What a driver supplies to the ``CallRunner``: its clock and its media, nothing else.
///
/// The runner carries out every ``CallAction`` and keeps the call's inbox, timers, play and
/// record serials, transcript and outcome in ``CallRunner``. A driver (an ALSA line, a SIP call,
/// a scripted call, the simulator, the flow benchmark) conforms to this protocol, keeps one
/// ``CallRunner`` value for its current call in ``call``, and reports what happens on its side
/// through the runner's static entry points (``CallRunner/feed(_:at:_:)``,
/// ``CallRunner/playedOut(serial:at:_:)``, ``CallRunner/recordingStopped(serial:_:duration:at:_:)``,
/// ``CallRunner/timerFired(_:at:_:)``, ``CallRunner/callerHungUp(at:_:)``).
///
/// The runner is generic over the port, so a driver's calls are dispatched statically (the
/// simulator's hot path specialises them). Every method gets the runner clock's `now` in seconds.
public protocol CallPort {
    /// The interpreter that runs the flow.
    var interpreter: CallInterpreter { get }
    /// The runner state of the call being driven (the simulator points it at the current slot).
    var call: CallRunner { get set }
    /// A scratch list the runner reuses for the interpreter's actions (keeps its capacity).
    var actionBuffer: [CallAction] { get set }

    /// A step was entered (a simulated caller decides what to press here).
    mutating func enteredStep(_ step: Int, at now: Double)
    /// Play `prompts` in order; report with ``CallRunner/playedOut(serial:at:_:)`` and `serial`
    /// once the last one has been heard. A new play or ``stopPlaying(at:)`` replaces it.
    mutating func play(_ prompts: PromptList, serial: UInt32, at now: Double)
    /// Stop the prompts now (no played-out report follows for them).
    mutating func stopPlaying(at now: Double)
    /// Start or resume hold music `music` where it last stopped.
    mutating func startMusic(_ music: Int, at now: Double)
    /// Pause hold music.
    mutating func stopMusic(at now: Double)
    /// The clock: call ``CallRunner/timerFired(_:at:_:)`` with `timer` at `due` (or poll
    /// ``CallRunner/nextTimerDue``). A cancelled or restarted timer that still fires is ignored.
    mutating func schedule(_ timer: TimerID, at due: Double)
    /// The timer was cancelled (a driver may drop it from its agenda; it need not).
    mutating func cancel(_ timer: TimerID)
    /// Beep if asked, then record; report ``CallRunner/recordingStarted(serial:at:_:)`` when
    /// recording begins and ``CallRunner/recordingStopped(serial:_:duration:at:_:)`` when the
    /// port stops it (maximum length, silence). Returns an event to feed at once instead (e.g.
    /// the recording could not start), or nil.
    mutating func startRecording(_ request: RecordRequest, serial: UInt32, at now: Double) -> CallEvent?
    /// Stop the recording now (a finish key, trimmed off, or the caller hung up); returns the
    /// message length in seconds.
    mutating func stopRecording(_ reason: RecordingStopReason, at now: Double) -> Double
    /// Keep the message just recorded in `mailbox`.
    mutating func keepRecording(mailbox: Int, duration: Double, at now: Double)
    /// Drop the message just recorded (too short).
    mutating func dropRecording(mailbox: Int, duration: Double, at now: Double)
    /// Put the caller in a queue (where an agent may be bridged later: feed
    /// ``CallEvent/agentConnected``). Returns ``CallEvent/queueEmpty`` or a
    /// ``CallEvent/queueStatus(position:estimatedWait:)`` to feed after the current actions, or nil.
    mutating func joinQueue(_ request: EnqueueRequest, at now: Double) -> CallEvent?
    /// Take the caller out of their queue.
    mutating func leaveQueue(_ queue: Int, reason: QueueLeaveReason, at now: Double)
    /// Record a callback request.
    mutating func requestCallback(_ request: CallbackRequest, at now: Double)
    /// The call is over: drop its audio, leave any queue or agent, write its record.
    mutating func hangUp(_ outcome: CallOutcome, at now: Double)
}

extension CallPort {
    /// Most drivers ignore step entries.
    public mutating func enteredStep(_ step: Int, at now: Double) {}
    /// Drivers without audio have no music.
    public mutating func startMusic(_ music: Int, at now: Double) {}
    /// Drivers without audio have no music.
    public mutating func stopMusic(at now: Double) {}
    /// Drivers whose agenda ignores stale timers need not drop them.
    public mutating func cancel(_ timer: TimerID) {}
}
