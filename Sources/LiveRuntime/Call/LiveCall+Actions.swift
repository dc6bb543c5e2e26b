import CallFlow
import CallQueue
import Foundation
import Storage

extension LiveCall {
    /// Carries out one action of the interpreter.
    func perform(_ action: CallAction) {
        switch action {
        case .enterStep(let step):
            log(now, "step", name: program.stepNames[step])
        case .play(let list, _):
            let clips = list.map { Playout.Clip(name: program.promptNames[$0], samples: sounds.prompts[$0]) }
            playSerial = playout.play(clips)
            playEnd = clips.isEmpty ? written : nil
        case .stopPlaying:
            playout.stop()
            playSerial = -1
            playEnd = nil
            log(now, "stop-prompt")
        case .startMusic(let music):
            playout.startMusic(music)
            log(now, "music", name: program.musicNames[music])
        case .stopMusic:
            playout.stopMusic()
        case .startTimer(let id, let after):
            timers.removeAll { $0.id == id }
            timers.append((id, now + Int((after * 8000).rounded())))
        case .cancelTimer(let id):
            timers.removeAll { $0.id == id }
        case .record(let request):
            record(request)
        case .stopRecording:
            finishRecording(.finishKey, keyStart: lastKeyStart)
        case .saveRecording(let mailbox, let duration):
            saveRecording(mailbox: mailbox, duration: duration)
        case .discardRecording(let mailbox, let duration):
            discardRecording(mailbox: mailbox, duration: duration)
        case .enqueue(let request):
            let topic = request.topic >= 0 ? program.values[request.topic] : nil
            log(now, "enqueue", name: program.queueNames[request.queue], value: topic.map { "topic \($0)" })
            switch options.queues.join(call: options.callNumber, queue: program.queueNames[request.queue],
                                       topic: topic, caller: e164(options.callerID), control: control) {
            case .joined(let position, let wait):
                queued = true
                lastStatusCheck = now
                joinedQueueAt = now
                lastQueue = program.queueNames[request.queue]
                post(.queueStatus(position: position, estimatedWait: wait ?? -1))
            case .empty:
                log(now, "queue-empty", name: program.queueNames[request.queue])
                post(.queueEmpty)
            }
        case .leaveQueue(let queue, let reason):
            log(now, "leave-queue", name: program.queueNames[queue], value: Self.describe(reason))
            leftQueueAt = now
            if queued {
                queued = false
                options.queues.leave(call: options.callNumber, reason: Self.leaveReason(reason))
            }
        case .createCallback(let request):
            createCallback(request)
        case .hangUp(let result):
            outcome = result
            queued = false
            options.queues.callEnded(call: options.callNumber)
            timers.removeAll()
            playout.stop()
            playout.stopMusic()
            log(now, "hangup", value: result.result.rawValue)
            saveCallRecord(result)
        }
    }

    /// One call record per call: who, when, which queue, how long waiting and talking, the result.
    func saveCallRecord(_ result: CallOutcome) {
        guard let records else { return }
        let lineWait = joinedQueueAt.map { Double((connectedAt ?? leftQueueAt ?? now) - $0) / 8000 }
        let wait = joinedQueueAt == nil ? nil : options.queues.waitSeconds(call: options.callNumber) ?? lineWait
        let talk = connectedAt.map { Double(now - $0) / 8000 }
        let record = CallRecord(id: "\(options.lineName)-\(Int(options.start.timeIntervalSince1970))-\(options.callNumber)",
                                caller: e164(options.callerID), flow: program.name, line: options.lineName,
                                startedAt: options.start, endedAt: options.start.addingTimeInterval(seconds),
                                queue: lastQueue, agentID: agentID, waitSeconds: wait, talkSeconds: talk,
                                outcome: result.result.rawValue)
        do { try records.store.saveCallRecord(record) } catch {
            fail(.store("\(records.store.directory.databaseURL.path): error: cannot save the call record: \(error)"))
        }
    }

    func createCallback(_ request: CallFlow.CallbackRequest) {
        let queue = program.queueNames[request.queue]
        let typed = request.number?.string
        guard let number = PhoneNumber.parsedOrNil(typed ?? options.callerID ?? "", region: program.phoneRegion) else {
            fail(.store("callback for queue \(queue): error: no usable number (\(typed ?? options.callerID ?? "withheld")); nothing stored"))
            return
        }
        let source: CallQueue.CallbackSource
        var joinedAt: Date?
        switch request.due {
        case .keepPlace(let joined):
            source = .queue
            joinedAt = options.start.addingTimeInterval(joined)
        case .at: source = .afterHours
        case .asap: source = savedVoicemailID != nil ? .voicemail : .manual
        }
        let topic = request.topic >= 0 ? program.values[request.topic] : nil
        let stored = Storage.CallbackRequest(number: number, queue: queue, topic: topic, source: source,
                                             joinedAt: joinedAt, voicemailID: savedVoicemailID)
        log(now, "callback", name: queue, value: "\(number.e164) \(source.rawValue)")
        guard let records else { return }
        do { _ = try records.requestCallback(stored, at: options.start.addingTimeInterval(seconds)) } catch { fail(error) }
    }

    func e164(_ text: String?) -> String? {
        guard let text else { return nil }
        return PhoneNumber.parsedOrNil(text, region: program.phoneRegion)?.e164
    }

    static func describe(_ reason: QueueLeaveReason) -> String {
        switch reason {
        case .exitWithKey(let key): "key \(key.character)"
        case .timeout: "timeout"
        case .abandon: "abandon"
        }
    }

    static func leaveReason(_ reason: QueueLeaveReason) -> LeaveReason {
        switch reason {
        case .exitWithKey(let key): .exitWithKey(String(key.character))
        case .timeout: .timeout
        case .abandon: .abandon
        }
    }

    static func format(_ seconds: Double) -> String { String(format: "%.2f", seconds) }
}

extension PhoneNumber {
    /// The number in E.164 (national numbers read in `region`, the flow's), or nil when
    /// `text` is not a valid number.
    static func parsedOrNil(_ text: String, region: PhoneRegion) -> PhoneNumber? {
        guard !text.isEmpty else { return nil }
        return try? PhoneNumber(parsing: text, region: region)
    }
}
