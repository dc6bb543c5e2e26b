import Foundation

/// The state of one call: a small value the driver keeps per call and passes `inout`.
///
/// Create with `CallState()`, then feed ``CallEvent/callStarted(callerID:at:)``.
public struct CallState: Sendable {
    enum Phase: UInt8, Sendable {
        case idle, play, menu, queue, queueConnected
        case voicemailGreeting, voicemailRecording, voicemailStopping
        case callbackConfirm, callbackEntry, callbackDone
        case ended
    }

    var phase: Phase = .idle
    /// Index of the current step (-1 before the call starts).
    public internal(set) var step: Int = -1
    var playing = false
    var noInputCount: Int16 = 0
    var invalidCount: Int16 = 0
    var digits = KeySequence()
    var typeAhead = KeySequence()
    var timerSerial: UInt32 = 0
    var digitTimer: TimerID?
    var announceTimer: TimerID?
    var maxWaitTimer: TimerID?
    var variables = VariableSlots()
    var startDate: Double = 0            // seconds since 1970 when the call started
    var startClock: Double = 0           // the driver's clock when the call started
    var callerID: String?
    var callerDigits = KeySequence()
    var number: KeySequence? = nil        // number keyed in for a callback (nil: caller ID)
    var queue: Int = -1
    var joinedQueueAt: Double = -1
    var position: Int32 = 0
    var estimatedWait: Double = -1
    var recordStart: Double = 0
    var mailbox: Int = -1
    var savedMailbox: Int = -1
    var callbackQueue: Int = -1
    var connected = false
    var hold = HoldState()

    /// A call that has not started.
    public init() {}

    /// The calendar moment of driver time `now`: the call's start date plus the time elapsed
    /// since ``CallEvent/callStarted(callerID:at:)`` (so any clock origin works).
    public func calendarDate(at now: Double) -> Date {
        Date(timeIntervalSince1970: startDate + (now - startClock))
    }

    /// True while the caller holds the call (between ``CallEvent/callerHeld`` and ``CallEvent/callerResumed``).
    public var isHeld: Bool { hold.held }

    /// True once the interpreter has emitted ``CallAction/hangUp(_:)``.
    public var hasEnded: Bool { phase == .ended }
}
