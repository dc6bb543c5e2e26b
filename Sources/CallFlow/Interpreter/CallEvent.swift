import Foundation

/// Something that happened on a call, fed to ``CallInterpreter/handle(_:now:call:actions:)``.
///
/// Every event comes with `now`: seconds on the driver's clock (sample clock live, virtual
/// time in simulation). The interpreter never reads a clock itself.
public enum CallEvent: Sendable {
    /// The call was answered. `callerID` is the caller's number as the line reported it
    /// (nil when withheld); `at` is the absolute moment the call started, which together with
    /// the elapsed `now` answers calendar questions (business hours, next opening).
    case callStarted(callerID: String?, at: Date)
    /// The caller pressed a key.
    case digit(DTMFKey)
    /// The prompts of the last ``CallAction/play(_:interruptible:)`` have all been played.
    /// Not sent for a play that was stopped by ``CallAction/stopPlaying``.
    case promptFinished
    /// A timer started by ``CallAction/startTimer(_:after:)`` ran out (stale ids are ignored).
    case timerFired(TimerID)
    /// A recording started by ``CallAction/record(_:)`` ended; `duration` is the message
    /// length in seconds (after the driver trimmed a terminating key tone).
    case recordingStopped(RecordingStopReason, duration: Double)
    /// The queue connected the waiting caller to an agent.
    case agentConnected
    /// The conversation with the agent ended (either side hung up on the agent's side).
    case agentDisconnected
    /// The queue removed the caller because no agent can serve it (Asterisk `leavewhenempty`
    /// / `joinempty`). The flow continues at the queue step's `on_empty`.
    case queueEmpty
    /// The caller's place in the queue (1 = next) and the estimated wait in seconds. Drivers
    /// send it whenever they like (on joining and when it changes); the interpreter keeps the
    /// latest and reads it out in the next periodic announcement when the step asks for it.
    case queueStatus(position: Int, estimatedWait: Double)
    /// The caller hung up. The interpreter answers with its final ``CallAction/hangUp(_:)``.
    case callerHungUp
    /// The caller put the call on hold (a SIP re-INVITE with `sendonly` or `inactive`): they hear
    /// nothing until ``callerResumed``. A prompt stops and is not counted as heard; menu and
    /// callback key timeouts stop; in a queue the caller keeps their place, the music pauses,
    /// announcements due meanwhile are skipped and `max_wait` counts on (as in Asterisk).
    case callerHeld
    /// The caller took the call off hold: the prompt stopped by the hold plays again from its
    /// start, a stopped key timeout starts afresh, queue music resumes.
    case callerResumed
}

/// Why a recording ended.
public enum RecordingStopReason: String, Sendable {
    /// The caller pressed a finish key (the driver stops on ``CallAction/stopRecording``).
    case finishKey = "finish-key"
    /// The maximum length was reached (the driver enforces it).
    case maxLength = "max-length"
    /// Silence for the silence time (the driver detects it).
    case silence
    /// The caller hung up during the recording: the message is still kept if long enough.
    case callerHungUp = "hang-up"
}

/// An interpreter timer: which kind, and a serial number that makes each start unique.
///
/// Drivers treat it as an opaque key: start, cancel, and report it when it fires. A fired
/// id that is no longer armed (cancelled or restarted) is ignored, so races are harmless.
public struct TimerID: Sendable, Hashable {
    /// Packed serial (high 24 bits) and kind (low 8 bits).
    public let rawValue: UInt32

    init(kind: TimerKind, serial: UInt32) { rawValue = serial << 8 | UInt32(kind.rawValue) }

    /// What the timer is for.
    public var kind: TimerKind { TimerKind(rawValue: UInt8(rawValue & 0xFF)) ?? .firstDigit }
}

/// What a timer is for (transcripts print it).
public enum TimerKind: UInt8, Sendable {
    /// Waiting for the first key of an entry (`timeout`).
    case firstDigit = 0
    /// Waiting for the next key of an entry (`inter_digit_timeout`).
    case interDigit
    /// The next periodic hold announcement.
    case announcement
    /// The queue step's `max_wait`.
    case maxWait

    /// A short name: `first-digit`, `inter-digit`, `announcement`, `max-wait`.
    public var name: String {
        switch self {
        case .firstDigit: return "first-digit"
        case .interDigit: return "inter-digit"
        case .announcement: return "announcement"
        case .maxWait: return "max-wait"
        }
    }
}
