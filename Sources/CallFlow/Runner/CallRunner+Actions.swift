import Foundation

/// The one place that carries out ``CallAction``s, for every driver.
extension CallRunner {
    /// Carries out `action`: the runner's own bookkeeping and transcript, then the port's part.
    @inlinable static func perform<Port: CallPort>(_ action: CallAction, at now: Double, _ port: inout Port) {
        let logs = port.call.keepsTranscript
        switch action {
        case .enterStep(let step):
            if logs { port.call.log(now, "step", name: port.interpreter.program.stepNames[step]) }
            port.enteredStep(step, at: now)
        case .play(let prompts, _):
            port.call.playSerial &+= 1
            port.call.isPlaying = true
            port.play(prompts, serial: port.call.playSerial, at: now)
        case .stopPlaying:
            port.call.playSerial &+= 1
            port.call.isPlaying = false
            if logs { port.call.log(now, "stop-prompt") }
            port.stopPlaying(at: now)
        case .startMusic(let music):
            if logs { port.call.log(now, "music", name: port.interpreter.program.musicNames[music]) }
            port.startMusic(music, at: now)
        case .stopMusic:
            port.stopMusic(at: now)
        case .startTimer(let id, let after):
            port.call.timers.arm(id, due: now + after)
            port.schedule(id, at: now + after)
        case .cancelTimer(let id):
            port.call.timers.disarm(id)
            port.cancel(id)
        case .record(let request):
            port.call.recordSerial &+= 1
            port.call.isRecording = true
            if let event = port.startRecording(request, serial: port.call.recordSerial, at: now) {
                port.call.isRecording = false
                port.call.recordSerial &+= 1
                port.call.post(event)
            }
        case .stopRecording:
            guard port.call.isRecording else { break }
            let duration = port.stopRecording(.finishKey, at: now)
            endRecording(.finishKey, duration: duration, at: now, &port)
        case .saveRecording(let mailbox, let duration):
            if logs {
                port.call.log(now, "voicemail", name: port.interpreter.program.mailboxNames[mailbox],
                              value: "saved \(Transcript.number(duration))s")
            }
            port.keepRecording(mailbox: mailbox, duration: duration, at: now)
        case .discardRecording(let mailbox, let duration):
            if logs {
                port.call.log(now, "voicemail", name: port.interpreter.program.mailboxNames[mailbox],
                              value: "dropped \(Transcript.number(duration))s (too short)")
            }
            port.dropRecording(mailbox: mailbox, duration: duration, at: now)
        case .enqueue(let request):
            if logs {
                let program = port.interpreter.program
                let topic = request.topic >= 0 ? program.values[request.topic] : nil
                port.call.log(now, "enqueue", name: program.queueNames[request.queue], value: topic.map { "topic \($0)" })
            }
            port.call.isQueued = true
            if let event = port.joinQueue(request, at: now) {
                if case .queueEmpty = event {
                    port.call.isQueued = false
                    if logs { port.call.log(now, "queue-empty", name: port.interpreter.program.queueNames[request.queue]) }
                }
                port.call.post(event)
            }
        case .leaveQueue(let queue, let reason):
            if logs { port.call.log(now, "leave-queue", name: port.interpreter.program.queueNames[queue], value: describe(reason)) }
            port.call.isQueued = false
            port.leaveQueue(queue, reason: reason, at: now)
        case .createCallback(let request):
            if logs { logCallback(request, at: now, &port) }
            port.requestCallback(request, at: now)
        case .hangUp(let outcome):
            port.call.outcome = outcome
            port.call.timers = ArmedTimers()
            port.call.isPlaying = false
            port.call.isQueued = false
            if logs { port.call.log(now, "hangup", value: outcome.result.rawValue) }
            port.hangUp(outcome, at: now)
        }
    }

    /// `callback QUEUE NUMBER due WHEN`: the number keyed in, else the caller ID, else `withheld`.
    @usableFromInline static func logCallback<Port: CallPort>(_ request: CallbackRequest, at now: Double, _ port: inout Port) {
        let program = port.interpreter.program
        let number = request.number?.string ?? port.call.state.callerID ?? "withheld"
        let due: String
        switch request.due {
        case .asap: due = "asap"
        case .keepPlace: due = "keep-place"
        case .at(let seconds): due = Transcript.localISO(Date(timeIntervalSince1970: seconds), program.timeZone)
        }
        port.call.callbackDue = due
        var detail = "\(number) due \(due)"
        if case .keepPlace(let joined) = request.due { detail += " (joined at \(Transcript.number(joined))s)" }
        port.call.log(now, "callback", name: program.queueNames[request.queue], value: detail)
    }

    /// How a queue leave reads in a transcript: `key 1`, `timeout`, `abandon`.
    @inlinable public static func describe(_ reason: QueueLeaveReason) -> String {
        switch reason {
        case .exitWithKey(let key): "key \(key.character)"
        case .timeout: "timeout"
        case .abandon: "abandon"
        }
    }
}
