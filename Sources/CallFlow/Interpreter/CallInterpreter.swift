import Foundation

/// Runs a compiled flow for any number of calls: a deterministic state machine.
///
/// The driver keeps one ``CallState`` per call and calls ``handle(_:now:call:actions:)`` for
/// every ``CallEvent``; the interpreter appends the ``CallAction``s to carry out. `now` is the
/// driver's clock in seconds (any origin, non-decreasing). No wall clock, I/O or sleeping; no
/// heap allocation on the hot path when `actions` keeps its capacity.
public struct CallInterpreter: Sendable {
    /// The compiled flow this interpreter runs.
    public let program: FlowProgram

    /// The most instantaneous steps (goto, set, hours) run in a row before the call is ended
    /// as a safety net; the validator rejects flows that could loop like that.
    static let maxHops = 256

    /// An interpreter for `program`.
    public init(program: FlowProgram) { self.program = program }

    /// Feeds one event; appends the resulting actions to `actions` (does not clear it).
    public func handle(_ event: CallEvent, now: Double, call: inout CallState, actions: inout [CallAction]) {
        if call.phase == .ended { return }
        let mark = actions.count
        switch event {
        case .callStarted(let callerID, let date):
            guard call.phase == .idle else { return }
            call = CallState()
            call.startDate = date.timeIntervalSince1970
            call.startClock = now
            call.callerID = callerID
            call.callerDigits = Self.digits(of: callerID)
            call.variables = program.initialVariables
            go(to: program.start, now: now, call: &call, actions: &actions)
        case .digit(let key):
            digit(key, now: now, call: &call, actions: &actions)
        case .promptFinished:
            guard call.playing else { return }
            call.playing = false
            promptFinished(now: now, call: &call, actions: &actions)
        case .timerFired(let id):
            timerFired(id, now: now, call: &call, actions: &actions)
        case .recordingStopped(let reason, let duration):
            recordingStopped(reason, duration: duration, now: now, call: &call, actions: &actions)
        case .agentConnected:
            agentConnected(call: &call, actions: &actions)
        case .agentDisconnected:
            guard call.phase == .queueConnected else { return }
            go(to: program.queues[queueIndex(call)].next, now: now, call: &call, actions: &actions)
        case .queueEmpty:
            queueEmpty(now: now, call: &call, actions: &actions)
        case .queueStatus(let position, let wait):
            call.position = Int32(clamping: position)
            call.estimatedWait = wait
        case .callerHungUp:
            callerHungUp(now: now, call: &call, actions: &actions)
        case .callerHeld:
            guard !call.hold.held else { return }
            call.hold = HoldState(held: true, phase: call.phase, step: Int32(call.step))
            suspendForHold(since: actions.count, call: &call, actions: &actions)
            return
        case .callerResumed:
            resume(now: now, call: &call, actions: &actions)
            return
        }
        if call.hold.held && call.phase != .ended { suspendForHold(since: mark, call: &call, actions: &actions) }
    }

    // MARK: - Steps

    /// Enters step `target`, running instantaneous steps until one waits for the caller.
    func go(to target: Int, now: Double, call: inout CallState, actions: inout [CallAction]) {
        var next = target
        for _ in 0..<Self.maxHops {
            guard next >= 0 else { finish(nil, call: &call, actions: &actions); return }
            call.step = next
            call.playing = false
            actions.append(.enterStep(next))
            switch program.steps[next] {
            case .goto(let target):
                next = target
            case .set(let range, let after):
                apply(range, call: &call)
                next = after
            case .hours(let step):
                let date = call.calendarDate(at: now)
                switch program.schedules[step.schedule].status(at: date) {
                case .open: next = step.open
                case .closed: next = step.closed
                case .holiday: next = step.holiday
                }
            case .hangup(let result):
                finish(result, call: &call, actions: &actions)
                return
            case .play(let step):
                if step.prompts.isEmpty || (step.interruptible && !call.typeAhead.isEmpty) {
                    next = step.next
                    continue
                }
                call.phase = .play
                call.playing = true
                actions.append(.play(step.prompts, interruptible: step.interruptible))
                return
            case .menu(let m):
                enterMenu(m, now: now, call: &call, actions: &actions)
                return
            case .queue(let q):
                enterQueue(q, now: now, call: &call, actions: &actions)
                return
            case .voicemail(let v):
                enterVoicemail(v, now: now, call: &call, actions: &actions)
                return
            case .callback(let c):
                enterCallback(c, now: now, call: &call, actions: &actions)
                return
            }
        }
        finish(.completed, call: &call, actions: &actions)
    }

    func apply(_ range: Range<Int>, call: inout CallState) {
        for i in range {
            let assignment = program.assignments[i]
            call.variables[assignment.variable] = assignment.value
        }
    }

    func value(of source: ValueSource, call: CallState) -> Int {
        switch source {
        case .none: return -1
        case .literal(let v): return v
        case .variable(let slot): return call.variables[slot]
        }
    }

    // MARK: - Dispatch by phase

    func digit(_ key: DTMFKey, now: Double, call: inout CallState, actions: inout [CallAction]) {
        switch call.phase {
        case .play:
            if case .play(let step) = program.steps[call.step], step.interruptible {
                actions.append(.stopPlaying)
                call.typeAhead.append(key)
                go(to: step.next, now: now, call: &call, actions: &actions)
            } else {
                call.typeAhead.append(key)
            }
        case .menu: menuDigit(key, now: now, call: &call, actions: &actions)
        case .queue: queueDigit(key, now: now, call: &call, actions: &actions)
        case .voicemailRecording: voicemailDigit(key, call: &call, actions: &actions)
        case .callbackConfirm, .callbackEntry: callbackDigit(key, now: now, call: &call, actions: &actions)
        case .idle, .queueConnected, .voicemailGreeting, .voicemailStopping, .callbackDone, .ended: break
        }
    }

    func promptFinished(now: Double, call: inout CallState, actions: inout [CallAction]) {
        switch call.phase {
        case .play:
            if case .play(let step) = program.steps[call.step] {
                go(to: step.next, now: now, call: &call, actions: &actions)
            }
        case .menu: menuPromptFinished(now: now, call: &call, actions: &actions)
        case .queue: actions.append(.startMusic(program.queues[queueIndex(call)].music))
        case .voicemailGreeting: startRecording(now: now, call: &call, actions: &actions)
        case .callbackConfirm, .callbackEntry: callbackPromptFinished(call: &call, actions: &actions)
        case .callbackDone:
            go(to: program.callbacks[callbackIndex(call)].next, now: now, call: &call, actions: &actions)
        default: break
        }
    }

    func timerFired(_ id: TimerID, now: Double, call: inout CallState, actions: inout [CallAction]) {
        if id == call.digitTimer {
            call.digitTimer = nil
            switch call.phase {
            case .menu: menuTimeout(id.kind, now: now, call: &call, actions: &actions)
            case .callbackConfirm, .callbackEntry: callbackTimeout(id.kind, now: now, call: &call, actions: &actions)
            default: break
            }
        } else if id == call.announceTimer {
            call.announceTimer = nil
            announce(now: now, call: &call, actions: &actions)
        } else if id == call.maxWaitTimer {
            call.maxWaitTimer = nil
            queueTimedOut(now: now, call: &call, actions: &actions)
        }
    }

    // MARK: - Timers

    func startTimer(_ kind: TimerKind, after delay: Double, call: inout CallState,
                    actions: inout [CallAction]) -> TimerID {
        call.timerSerial &+= 1
        let id = TimerID(kind: kind, serial: call.timerSerial & 0xFF_FFFF)
        actions.append(.startTimer(id, after: delay))
        return id
    }

    func cancel(_ timer: inout TimerID?, actions: inout [CallAction]) {
        if let id = timer {
            actions.append(.cancelTimer(id))
            timer = nil
        }
    }

    // MARK: - Ending

    /// Ends the call with an explicit `result`, or the one the call earned so far.
    func finish(_ result: CallResult?, call: inout CallState, actions: inout [CallAction]) {
        actions.append(.hangUp(outcome(result ?? earnedResult(call), call: call)))
        call.phase = .ended
        call.playing = false
        call.digitTimer = nil; call.announceTimer = nil; call.maxWaitTimer = nil
    }

    func earnedResult(_ call: CallState) -> CallResult {
        if call.connected { return .queued }
        if call.savedMailbox >= 0 { return .voicemail }
        if call.callbackQueue >= 0 { return .callback }
        return .completed
    }

    func outcome(_ result: CallResult, call: CallState) -> CallOutcome {
        CallOutcome(result: result, queue: call.queue, mailbox: call.savedMailbox,
                    callback: call.callbackQueue >= 0, callbackQueue: call.callbackQueue)
    }

    func callerHungUp(now: Double, call: inout CallState, actions: inout [CallAction]) {
        switch call.phase {
        case .queue:
            actions.append(.leaveQueue(queue: call.queue, reason: .abandon))
            finish(.abandoned, call: &call, actions: &actions)
        case .voicemailRecording, .voicemailStopping:
            keepOrDrop(duration: max(0, now - call.recordStart), call: &call, actions: &actions)
            finish(hungUpResult(call), call: &call, actions: &actions)
        default:
            finish(hungUpResult(call), call: &call, actions: &actions)
        }
    }

    func hungUpResult(_ call: CallState) -> CallResult {
        let earned = earnedResult(call)
        return earned == .completed ? .hungUp : earned
    }

    static func digits(of callerID: String?) -> KeySequence {
        var keys = KeySequence()
        guard var text = callerID else { return keys }
        text.withUTF8 { bytes in                  // contiguous bytes: no per-character decoding
            for byte in bytes where byte &- 48 < 10 {
                keys.append(DTMFKey(digit: Int(byte &- 48))!)
            }
        }
        return keys
    }
}
