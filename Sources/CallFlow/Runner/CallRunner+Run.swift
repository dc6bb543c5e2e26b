import Foundation

/// The runner's entry points: what a driver reports, fed to the interpreter in order.
extension CallRunner {
    /// Answers the call: the flow starts at `now`.
    @inlinable public static func start<Port: CallPort>(callerID: String?, at date: Date, now: Double, _ port: inout Port) {
        feed(.callStarted(callerID: callerID, at: date), at: now, &port)
    }

    /// Feeds `event` and carries out the actions, then any follow-up events, in order.
    @inlinable public static func feed<Port: CallPort>(_ event: CallEvent, at now: Double, _ port: inout Port) {
        handle(event, at: now, &port)
        if !port.call.inbox.isEmpty { drain(at: now, &port) }
    }

    /// Feeds the events waiting in the inbox (posted by the driver or by actions), in order.
    @inlinable public static func drain<Port: CallPort>(at now: Double, _ port: inout Port) {
        var index = 0
        while index < port.call.inbox.count && !port.call.hasEnded {
            let event = port.call.inbox[index]
            index += 1
            handle(event, at: now, &port)
        }
        port.call.inbox.clearKeepingCapacity()
    }

    /// The caller pressed `key`; `keyed` when it came from a keypad rather than in-band tones.
    @inlinable public static func keyPressed<Port: CallPort>(_ key: DTMFKey, keyed: Bool = false, at now: Double, _ port: inout Port) {
        if port.call.keepsTranscript { port.call.log(now, "digit", value: keyed ? "\(key.character) (keyed)" : String(key.character)) }
        feed(.digit(key), at: now, &port)
    }

    /// A queue or agent event from outside the call (agent connected or gone, queue empty), or the caller holding or resuming.
    @inlinable public static func queueEvent<Port: CallPort>(_ event: CallEvent, at now: Double, _ port: inout Port) {
        switch event {
        case .agentConnected:
            port.call.log(now, "agent-connected")
            port.call.isQueued = false
            port.call.isConnected = true
        case .agentDisconnected:
            port.call.log(now, "agent-disconnected")
            port.call.isConnected = false
        case .queueEmpty:
            port.call.log(now, "queue-empty")
            port.call.isQueued = false
        case .callerHeld:
            port.call.log(now, "hold")
        case .callerResumed:
            port.call.log(now, "resume")
        default: break
        }
        feed(event, at: now, &port)
    }

    /// A prompt of the play list `serial` began to be heard (transcript only).
    @inlinable public static func promptStarted<Port: CallPort>(_ prompt: Int, serial: UInt32, at now: Double, _ port: inout Port) {
        guard serial == port.call.playSerial, port.call.keepsTranscript else { return }
        port.call.log(now, "prompt", name: port.interpreter.program.promptNames[prompt])
    }

    /// The play list `serial` has been heard to its end (stale serials are ignored).
    @inlinable public static func playedOut<Port: CallPort>(serial: UInt32, at now: Double, _ port: inout Port) {
        guard serial == port.call.playSerial, port.call.isPlaying else { return }
        port.call.isPlaying = false
        feed(.promptFinished, at: now, &port)
    }

    /// The beep before recording `serial` began (transcript only).
    @inlinable public static func beepStarted<Port: CallPort>(serial: UInt32, at now: Double, _ port: inout Port) {
        guard serial == port.call.recordSerial, port.call.isRecording else { return }
        port.call.log(now, "beep")
    }

    /// Recording `serial` began (after the beep) into `mailbox`.
    @inlinable public static func recordingStarted<Port: CallPort>(serial: UInt32, mailbox: Int, at now: Double, _ port: inout Port) {
        guard serial == port.call.recordSerial, port.call.isRecording, port.call.keepsTranscript else { return }
        port.call.log(now, "record", name: port.interpreter.program.mailboxNames[mailbox])
    }

    /// The port stopped recording `serial` (maximum length, silence); `duration` is the message length.
    @inlinable public static func recordingStopped<Port: CallPort>(serial: UInt32, _ reason: RecordingStopReason, duration: Double,
                                                        at now: Double, _ port: inout Port) {
        guard serial == port.call.recordSerial, port.call.isRecording else { return }
        endRecording(reason, duration: duration, at: now, &port)
        drain(at: now, &port)
    }

    /// Timer `timer` ran out; a timer no longer armed (cancelled, restarted) is ignored.
    @inlinable public static func timerFired<Port: CallPort>(_ timer: TimerID, at now: Double, _ port: inout Port) {
        guard port.call.timers.disarm(timer) else { return }
        if timer.kind != .announcement && port.call.keepsTranscript { port.call.log(now, "timeout", name: timer.kind.name) }
        feed(.timerFired(timer), at: now, &port)
    }

    /// Fires every armed timer due by `now`, earliest first (for drivers that poll, such as a line
    /// each audio period). Timers within a microsecond of `now` count as due.
    @inlinable public static func fireDueTimers<Port: CallPort>(at now: Double, _ port: inout Port) {
        while !port.call.hasEnded, let next = port.call.timers.earliest, next.due <= now + 1e-6 {
            timerFired(next.id, at: now, &port)
        }
    }

    /// The caller hung up: a message being recorded is stopped (and kept when long enough), then
    /// the flow ends the call.
    @inlinable public static func callerHungUp<Port: CallPort>(at now: Double, _ port: inout Port) {
        guard !port.call.hasEnded else { return }
        port.call.log(now, "caller-hangup")
        if port.call.isRecording {
            let duration = port.stopRecording(.callerHungUp, at: now)
            endRecording(.callerHungUp, duration: duration, at: now, &port)
        }
        port.call.post(.callerHungUp)
        drain(at: now, &port)
    }

    /// Ends the current recording and posts its stop to the interpreter.
    @inlinable static func endRecording<Port: CallPort>(_ reason: RecordingStopReason, duration: Double, at now: Double, _ port: inout Port) {
        port.call.isRecording = false
        port.call.recordSerial &+= 1
        if port.call.keepsTranscript { port.call.log(now, "record-end", value: "\(reason.rawValue) \(Transcript.number(duration))s") }
        port.call.post(.recordingStopped(reason, duration: duration))
    }

    /// Feeds one event and carries out its actions; follow-ups go to the inbox.
    @inlinable static func handle<Port: CallPort>(_ event: CallEvent, at now: Double, _ port: inout Port) {
        let interpreter = port.interpreter
        var actions: [CallAction] = []
        swap(&actions, &port.actionBuffer)
        actions.clearKeepingCapacity()
        interpreter.handle(event, now: now, call: &port.call.state, actions: &actions)
        port.call.eventsFed &+= 1
        port.call.actionsPerformed &+= actions.count
        for action in actions {
            perform(action, at: now, &port)
        }
        swap(&actions, &port.actionBuffer)
    }
}
