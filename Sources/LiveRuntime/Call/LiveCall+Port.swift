import CallFlow
import CallQueue
import Foundation
import Storage

extension LiveCall {
    /// Plays prompts through the line's playout; the runner hears they played out once heard.
    public func play(_ prompts: PromptList, serial: UInt32, at now: Double) {
        let clips = prompts.map { Playout.Clip(prompt: $0, samples: sounds.prompts[$0]) }
        playoutSerial = playout.play(clips)
        playSerial = serial
        playEnd = clips.isEmpty ? written : nil
    }

    /// Stops the prompts at once.
    public func stopPlaying(at now: Double) {
        playout.stop()
        playoutSerial = -1
        playEnd = nil
    }

    /// Starts or resumes hold music.
    public func startMusic(_ music: Int, at now: Double) { playout.startMusic(music) }

    /// Pauses hold music.
    public func stopMusic(at now: Double) { playout.stopMusic() }

    /// Timers are polled each period (``CallRunner/fireDueTimers(at:_:)``).
    public func schedule(_ timer: TimerID, at due: Double) {}

    /// Keeps the message (completes its row through the store writer).
    public func keepRecording(mailbox: Int, duration: Double, at now: Double) { saveRecording(mailbox: mailbox, duration: duration) }

    /// Drops the too-short message.
    public func dropRecording(mailbox: Int, duration: Double, at now: Double) { discardRecording(mailbox: mailbox, duration: duration) }

    /// Joins the queue through the call's ``QueueLink``.
    public func joinQueue(_ request: EnqueueRequest, at now: Double) -> CallEvent? {
        let topic = request.topic >= 0 ? program.values[request.topic] : nil
        switch options.queues.join(call: options.callNumber, queue: program.queueNames[request.queue],
                                   topic: topic, caller: e164(options.callerID), control: control) {
        case .joined(let position, let wait):
            lastStatusCheck = self.now
            joinedQueueAt = self.now
            lastQueue = program.queueNames[request.queue]
            return .queueStatus(position: position, estimatedWait: wait ?? -1)
        case .empty:
            return .queueEmpty
        }
    }

    /// Leaves the queue (unless an agent already took the call).
    public func leaveQueue(_ queue: Int, reason: QueueLeaveReason, at now: Double) {
        leftQueueAt = self.now
        if call.isQueued { options.queues.leave(call: options.callNumber, reason: Self.leaveReason(reason)) }
    }

    /// Stores the callback.
    public func requestCallback(_ request: CallFlow.CallbackRequest, at now: Double) { createCallback(request) }

    /// Ends the call: the queue hears of it, audio stops, the call record is written.
    public func hangUp(_ outcome: CallOutcome, at now: Double) {
        options.queues.callEnded(call: options.callNumber)
        playout.stop()
        playout.stopMusic()
        saveCallRecord(outcome)
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
        records.saveCallRecord(record, storeWork)
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
        case .asap: source = keptMessage ? .voicemail : .manual
        }
        let topic = request.topic >= 0 ? program.values[request.topic] : nil
        let stored = Storage.CallbackRequest(number: number, queue: queue, topic: topic, source: source,
                                             joinedAt: joinedAt)
        records?.requestCallback(stored, at: options.start.addingTimeInterval(seconds), storeWork)
    }

    func e164(_ text: String?) -> String? {
        guard let text else { return nil }
        return PhoneNumber.parsedOrNil(text, region: program.phoneRegion)?.e164
    }

    static func leaveReason(_ reason: QueueLeaveReason) -> LeaveReason {
        switch reason {
        case .exitWithKey(let key): .exitWithKey(String(key.character))
        case .timeout: .timeout
        case .abandon: .abandon
        }
    }

}

extension PhoneNumber {
    /// The number in E.164 (national numbers read in `region`, the flow's), or nil when
    /// `text` is not a valid number.
    static func parsedOrNil(_ text: String, region: PhoneRegion) -> PhoneNumber? {
        guard !text.isEmpty else { return nil }
        return try? PhoneNumber(parsing: text, region: region)
    }
}
