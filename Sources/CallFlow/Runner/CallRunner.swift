import Foundation

/// The one call runner: feeds the interpreter and carries out its actions for every driver.
///
/// A value of this type is the state of one call as the runner sees it: the interpreter's
/// ``CallState``, the inbox of events waiting to be fed, the armed timers, the play and record
/// serials, the transcript and the outcome. Drivers keep it in their ``CallPort`` and report
/// what happens on their side through the static entry points below; the runner answers by
/// calling the port. `now` is always the driver's clock in seconds.
///
/// Nothing here reads a clock, sleeps or touches a device: the runner is as pure as the
/// interpreter, so the same code runs a live line, a scripted call and a simulated one.
public struct CallRunner: Sendable {
    /// The interpreter's state for this call.
    public var state = CallState()
    /// Events waiting to be fed, in order (follow-ups of actions, events posted by the driver).
    @usableFromInline var inbox: [CallEvent] = []
    /// The armed timers: one per kind group (digit, announcement, max wait), with due times.
    @usableFromInline var timers = ArmedTimers()
    /// Serial of the current play list; a played-out report with another serial is stale.
    public var playSerial: UInt32 = 0
    /// Whether a play list is playing (not yet played out or stopped).
    public var isPlaying = false
    /// Serial of the current recording; a stop report with another serial is stale.
    public var recordSerial: UInt32 = 0
    /// Whether a recording (or the beep before it) is under way.
    public var isRecording = false
    /// Whether the caller waits in a queue (joined, not yet left or bridged).
    public var isQueued = false
    /// Whether the caller talks with an agent.
    public var isConnected = false
    /// How the call ended, once it has.
    public var outcome: CallOutcome?
    /// When the callback requested on this call is due (`asap`, `keep-place` or local ISO time).
    public var callbackDue: String?
    /// Events fed to the interpreter and actions carried out (the flow benchmark reports them).
    public var eventsFed = 0
    /// Actions carried out.
    public var actionsPerformed = 0
    /// Whether to keep a transcript (the simulator does not).
    public var keepsTranscript: Bool
    /// The transcript so far, times exact on the driver's clock.
    public var events: [Transcript.Event] = []
    /// Called with every transcript event as it is added (e.g. to print a live call as it goes).
    public var onEvent: (@Sendable (Transcript.Event) -> Void)?

    /// A call that has not started; `transcript` false skips every transcript string.
    public init(transcript: Bool = true) { keepsTranscript = transcript }

    /// True once the flow has hung up.
    @inlinable public var hasEnded: Bool { state.hasEnded }

    /// Makes the value a fresh call again, keeping its buffers' capacity.
    @inlinable public mutating func reset() {
        state = CallState()
        inbox.clearKeepingCapacity()
        timers = ArmedTimers()
        isPlaying = false
        isRecording = false
        isQueued = false
        isConnected = false
        outcome = nil
        callbackDue = nil
        if !events.isEmpty { events.clearKeepingCapacity() }
    }

    /// The earliest armed timer's due time (nil when none is armed): for drivers that poll.
    @inlinable public var nextTimerDue: Double? { timers.earliest?.due }

    /// Whether `timer` is armed (not fired, cancelled or restarted).
    public func isArmed(_ timer: TimerID) -> Bool { timers.isArmed(timer) }

    /// Queues `event` to be fed by the next ``drain(at:_:)`` (drivers posting from a period's work).
    @inlinable public mutating func post(_ event: CallEvent) { inbox.append(event) }

    /// Adds a transcript event (a no-op when the transcript is off).
    public mutating func log(_ t: Double, _ type: String, name: String? = nil, value: String? = nil) {
        guard keepsTranscript else { return }
        let event = Transcript.Event(t: t, type: type, name: name, value: value)
        events.append(event)
        onEvent?(event)
    }

    /// The transcript of the call so far, for `program` and the call's caller and start.
    /// `roundedTo` rounds event times (seconds; 0.001 for the scripted call's millisecond times).
    public func transcript(program: FlowProgram, callerID: String?, start: Date, roundedTo step: Double = 0) -> Transcript {
        var result = Transcript.Outcome(result: outcome?.result.rawValue ?? "none")
        if let outcome {
            if outcome.queue >= 0 { result.queue = program.queueNames[outcome.queue] }
            if outcome.mailbox >= 0 { result.mailbox = program.mailboxNames[outcome.mailbox] }
            if outcome.callback && outcome.callbackQueue >= 0 {
                result.callback = program.queueNames[outcome.callbackQueue]
                result.callbackDue = callbackDue
            }
        }
        let perSecond = step > 0 ? (1 / step).rounded() : 0
        let times = step > 0 ? events.map { event in
            var event = event
            event.t = (event.t * perSecond).rounded() / perSecond
            return event
        } : events
        var transcript = Transcript(flow: program.name, callerID: callerID,
                                    startedAt: Transcript.localISO(start, program.timeZone), events: times, outcome: result)
        transcript.startedIn = Transcript.weekday(start, program.timeZone) + ", " + program.timeZone.identifier
        return transcript
    }
}

/// The interpreter's timers as the runner keeps them: at most one per group (a digit timer,
/// the announcement timer, the max-wait timer), matching the interpreter's own three.
@usableFromInline
struct ArmedTimers: Sendable {
    @usableFromInline var digit: (id: TimerID, due: Double)?
    @usableFromInline var announcement: (id: TimerID, due: Double)?
    @usableFromInline var maxWait: (id: TimerID, due: Double)?

    @inlinable init() {}

    @inlinable mutating func arm(_ id: TimerID, due: Double) {
        switch id.kind {
        case .firstDigit, .interDigit: digit = (id, due)
        case .announcement: announcement = (id, due)
        case .maxWait: maxWait = (id, due)
        }
    }

    /// Disarms `id` if armed; returns whether it was.
    @inlinable @discardableResult
    mutating func disarm(_ id: TimerID) -> Bool {
        switch id.kind {
        case .firstDigit, .interDigit: if digit?.id == id { digit = nil; return true }
        case .announcement: if announcement?.id == id { announcement = nil; return true }
        case .maxWait: if maxWait?.id == id { maxWait = nil; return true }
        }
        return false
    }

    @inlinable func isArmed(_ id: TimerID) -> Bool {
        switch id.kind {
        case .firstDigit, .interDigit: digit?.id == id
        case .announcement: announcement?.id == id
        case .maxWait: maxWait?.id == id
        }
    }

    /// The armed timer due first (ties: digit, announcement, max wait).
    @inlinable var earliest: (id: TimerID, due: Double)? {
        var best = digit
        if let a = announcement, best == nil || a.due < best!.due { best = a }
        if let m = maxWait, best == nil || m.due < best!.due { best = m }
        return best
    }
}
