/// Something the driver must do for a call, emitted by ``CallInterpreter``.
///
/// Actions are appended in order to a caller-owned array that the driver reuses between
/// events (`removeAll(keepingCapacity: true)`), so the hot path never allocates.
public enum CallAction: Sendable, Equatable {
    /// The call entered a step (index into ``FlowProgram/stepNames``); for transcripts.
    case enterStep(Int)
    /// Play these prompts in order, then send ``CallEvent/promptFinished`` once. If
    /// `interruptible`, a key the caller presses stops them (the interpreter sends
    /// ``stopPlaying``); otherwise keys are kept as type-ahead while they play.
    case play(PromptList, interruptible: Bool)
    /// Stop the prompts now; no ``CallEvent/promptFinished`` follows for them.
    case stopPlaying
    /// Start or resume hold music (index into ``FlowProgram/musicNames``) where it last stopped.
    case startMusic(Int)
    /// Pause hold music (an announcement follows, or the caller leaves the queue).
    case stopMusic
    /// Start a timer that fires ``CallEvent/timerFired(_:)`` after `after` seconds.
    case startTimer(TimerID, after: Double)
    /// Cancel a timer; it must not fire.
    case cancelTimer(TimerID)
    /// Beep (if asked), then record the caller; stop on max length or silence and report
    /// ``CallEvent/recordingStopped(_:duration:)``.
    case record(RecordRequest)
    /// Stop the recording now (the caller pressed a finish key; trim that key's tone).
    case stopRecording
    /// Keep the message just recorded in this mailbox (index into ``FlowProgram/mailboxNames``).
    case saveRecording(mailbox: Int, duration: Double)
    /// Drop the message just recorded: shorter than the step's `min_length`.
    case discardRecording(mailbox: Int, duration: Double)
    /// Put the caller in a queue.
    case enqueue(EnqueueRequest)
    /// Take the caller out of the queue they wait in.
    case leaveQueue(queue: Int, reason: QueueLeaveReason)
    /// Record a callback request.
    case createCallback(CallbackRequest)
    /// End the call with this outcome. Always the last action of a call (also after
    /// ``CallEvent/callerHungUp``); the driver then drops the call's timers and audio.
    case hangUp(CallOutcome)
}

/// How to record a voicemail.
public struct RecordRequest: Sendable, Equatable {
    /// Mailbox index into ``FlowProgram/mailboxNames``.
    public var mailbox: Int
    /// Play a beep before recording.
    public var beep: Bool
    /// Longest message in seconds; the driver stops there (reason ``RecordingStopReason/maxLength``).
    public var maxLength: Double
    /// Shorter messages are dropped (decided by the interpreter when the recording stops).
    public var minLength: Double
    /// Level in dBFS below which audio counts as silence.
    public var silenceThreshold: Double
    /// Seconds of silence after which the driver stops; 0 disables the silence stop.
    public var silenceTime: Double
    /// Keys that end the message (the interpreter sends ``CallAction/stopRecording``).
    public var finishKeys: KeySet
    /// Topic value index into ``FlowProgram/values`` when recording starts (-1 when none), for the voicemail index.
    public var topic: Int = -1
}

/// How to wait in a queue.
public struct EnqueueRequest: Sendable, Equatable {
    /// Queue index into ``FlowProgram/queueNames``.
    public var queue: Int
    /// Topic value index into ``FlowProgram/values`` (-1 when none).
    public var topic: Int
    /// Hold music index into ``FlowProgram/musicNames``.
    public var music: Int
    /// Longest wait in seconds (0 = no limit); the interpreter times it and leaves with ``QueueLeaveReason/timeout``.
    public var maxWait: Double
    /// Keys that take the caller out of the queue (Asterisk EXITWITHKEY).
    public var exitKeys: KeySet
    /// Seconds between periodic announcements (0 = none); the interpreter plays them.
    public var announceEvery: Double
    /// Announcements read out the position from ``CallEvent/queueStatus(position:estimatedWait:)``.
    public var announcePosition: Bool
    /// Announcements read out the estimated wait.
    public var announceWait: Bool
}

/// Why a caller left a queue (Asterisk `queue_log` names in brackets).
public enum QueueLeaveReason: Sendable, Equatable {
    /// Pressed an exit key (EXITWITHKEY).
    case exitWithKey(DTMFKey)
    /// The step's `max_wait` ran out (EXITWITHTIMEOUT).
    case timeout
    /// Hung up while waiting (ABANDON).
    case abandon
}

/// A callback to create.
public struct CallbackRequest: Sendable, Equatable {
    /// The number keyed in by the caller, or nil to use the caller ID.
    public var number: KeySequence?
    /// Queue index into ``FlowProgram/queueNames``.
    public var queue: Int
    /// Topic value index into ``FlowProgram/values`` (-1 when none).
    public var topic: Int
    /// When it is due.
    public var due: CallbackDue
}

/// When a callback is due.
public enum CallbackDue: Sendable, Equatable {
    /// As soon as an agent is free.
    case asap
    /// Keep the caller's place: due when they would have reached the front of the queue they
    /// joined at `joinedAt` (driver clock seconds).
    case keepPlace(joinedAt: Double)
    /// At this instant (seconds since 1970, UTC): the schedule's next opening.
    case at(Double)
}

/// How a call ended.
public enum CallResult: String, Sendable, CaseIterable {
    /// The flow ended the call (a hangup step or the end of the flow).
    case completed
    /// The caller left a message that was kept.
    case voicemail
    /// A callback was requested.
    case callback
    /// The call was answered by an agent from a queue.
    case queued
    /// The caller hung up while waiting in a queue.
    case abandoned
    /// The caller hung up anywhere else.
    case hungUp = "hung-up"
}

/// The outcome of a call: result plus where it ended up.
public struct CallOutcome: Sendable, Equatable {
    /// The result.
    public var result: CallResult
    /// The queue the caller last waited in (-1 none).
    public var queue: Int
    /// The mailbox a kept message went to (-1 none).
    public var mailbox: Int
    /// A callback was created (its queue is `callbackQueue`).
    public var callback: Bool
    /// The queue of the callback (-1 none).
    public var callbackQueue: Int
}
