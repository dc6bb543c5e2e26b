/// Voicemail: greeting, beep, record, finish keys, keep or drop by minimum length.
extension CallInterpreter {
    func voicemailIndex(_ call: CallState) -> Int {
        if case .voicemail(let v) = program.steps[call.step] { return v }
        return 0
    }

    func enterVoicemail(_ v: Int, now: Double, call: inout CallState, actions: inout [CallAction]) {
        let step = program.voicemails[v]
        call.mailbox = step.mailbox
        call.typeAhead.removeAll()
        if step.greeting.isEmpty {
            startRecording(now: now, call: &call, actions: &actions)
        } else {
            call.phase = .voicemailGreeting
            call.playing = true
            actions.append(.play(step.greeting, interruptible: false))
        }
    }

    func startRecording(now: Double, call: inout CallState, actions: inout [CallAction]) {
        call.phase = .voicemailRecording
        call.recordStart = now
        let step = program.voicemails[voicemailIndex(call)]
        var request = step.record
        request.topic = value(of: step.topic, call: call)
        actions.append(.record(request))
    }

    func voicemailDigit(_ key: DTMFKey, call: inout CallState, actions: inout [CallAction]) {
        guard program.voicemails[voicemailIndex(call)].record.finishKeys.contains(key) else { return }
        call.phase = .voicemailStopping
        actions.append(.stopRecording)
    }

    func recordingStopped(_ reason: RecordingStopReason, duration: Double, now: Double,
                          call: inout CallState, actions: inout [CallAction]) {
        guard call.phase == .voicemailRecording || call.phase == .voicemailStopping else { return }
        let kept = keepOrDrop(duration: duration, call: &call, actions: &actions)
        if reason == .callerHungUp {
            finish(hungUpResult(call), call: &call, actions: &actions)
            return
        }
        let step = program.voicemails[voicemailIndex(call)]
        go(to: kept ? step.next : step.onTooShort, now: now, call: &call, actions: &actions)
    }

    /// Saves the message if it reaches the minimum length, else drops it. Returns true if kept.
    @discardableResult
    func keepOrDrop(duration: Double, call: inout CallState, actions: inout [CallAction]) -> Bool {
        let step = program.voicemails[voicemailIndex(call)]
        call.phase = .voicemailStopping
        if duration >= step.record.minLength {
            call.savedMailbox = step.mailbox
            actions.append(.saveRecording(mailbox: step.mailbox, duration: duration))
            return true
        }
        actions.append(.discardRecording(mailbox: step.mailbox, duration: duration))
        return false
    }
}
