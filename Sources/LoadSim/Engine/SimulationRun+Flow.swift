import CallFlow
import CallQueue
import Foundation

/// Flow mode: the simulator is the ``CallPort`` of every simulated call. The ``CallRunner``
/// feeds the interpreter and carries out its actions; this file supplies the virtual clock and
/// the caller model (menu choices, key latency, exit keys while holding, voicemail length).
extension SimulationRun: CallPort {
    /// The flow's interpreter (only used in flow mode).
    public var interpreter: CallInterpreter { flow.unsafelyUnwrapped }

    /// The runner state of the call in slot ``current``, in place.
    public var call: CallRunner {
        _read { yield runs[current] }
        _modify { yield &runs[current] }
    }

    /// Feeds `event` to the call in slot `s` through the runner.
    ///
    /// The runner feeds follow-up events (queue status, queue empty) after the batch, and the
    /// queue manager is drained last, so the actions of one event are always performed in the
    /// order the interpreter gave them.
    mutating func feed(_ s: Int, _ event: CallEvent) throws {
        guard flow != nil else { return }
        current = s
        switch event {
        case .agentConnected, .agentDisconnected, .queueEmpty: CallRunner.queueEvent(event, at: now, &self)
        default: CallRunner.feed(event, at: now, &self)
        }
        try settle()
    }

    /// After the runner returns: rethrows a port failure, drains the queue manager, draws patience.
    mutating func settle() throws {
        if let failure {
            self.failure = nil
            throw failure
        }
        if needsDrain { try drain() }
        if !patienceDue.isEmpty && !draining { armPatience() }
    }

    /// A menu step: the simulated caller picks a choice.
    public mutating func enteredStep(_ step: Int, at now: Double) {
        if let plan = model.menuPlans[step] { pressMenuKeys(plan, current) }
    }

    /// Prompts end after their WAV lengths; a holding caller may press an exit key.
    public mutating func play(_ prompts: PromptList, serial: UInt32, at now: Double) {
        let s = current
        var length = 0.0
        for p in prompts { length += model.promptLengths[p] }
        events.push(.promptDone(slot: Int32(s), generation: calls[s].generation, serial: serial), at: now + length)
        if calls[s].ticket != nil { considerLeavingQueue(s) }
    }

    /// Nothing to stop: the runner's serial makes the pending end stale.
    public mutating func stopPlaying(at now: Double) {}

    /// Timers go on the agenda after the event (``flushTimers()``).
    public mutating func schedule(_ timer: TimerID, at due: Double) {
        pendingTimers.append(PendingTimer(slot: Int32(current), generation: calls[current].generation, id: timer, at: due))
    }

    /// A timer started while handling this same event (e.g. max_wait, then the caller is answered
    /// at once) never reaches the agenda; later ones fire and the runner ignores them as stale.
    public mutating func cancel(_ timer: TimerID) {
        if let i = pendingTimers.firstIndex(where: { $0.slot == Int32(current) && $0.id == timer }) {
            pendingTimers.remove(at: i)
        }
    }

    /// The message length is drawn; the recording ends on silence or at the maximum.
    public mutating func startRecording(_ request: RecordRequest, serial: UInt32, at now: Double) -> CallEvent? {
        let spoken = model.messageLength.sample(using: &rng)
        let maxed = spoken >= request.maxLength
        let length = min(spoken, request.maxLength)
        let stopsAt = maxed ? length : length + (request.silenceTime > 0 ? request.silenceTime : 0)
        events.push(.recordingDone(slot: Int32(current), generation: calls[current].generation, duration: length, maxed: maxed),
                    at: now + stopsAt)
        calls[current].recordingSince = now
        return nil
    }

    /// A finish key (or a hang-up) ends the message now.
    public mutating func stopRecording(_ reason: RecordingStopReason, at now: Double) -> Double {
        max(0, now - calls[current].recordingSince)
    }

    /// Counts the message.
    public mutating func keepRecording(mailbox: Int, duration: Double, at now: Double) { stats.voicemails += 1 }
    /// Nothing to count.
    public mutating func dropRecording(mailbox: Int, duration: Double, at now: Double) {}

    /// Joins the queue manager.
    public mutating func joinQueue(_ request: EnqueueRequest, at now: Double) -> CallEvent? {
        let q = Int(queueOfFlow[request.queue])
        let topic = request.topic >= 0 ? topicHandles[request.topic] : TopicHandle.none
        do { return try join(current, queue: q, topic: topic) } catch {
            failure = error
            return nil
        }
    }

    /// Leaves the queue manager.
    public mutating func leaveQueue(_ queue: Int, reason: QueueLeaveReason, at now: Double) {
        do {
            switch reason {
            case .abandon: try leaveQueue(current, reason: .abandon, exit: .abandoned)
            case .timeout: try leaveQueue(current, reason: .timeout, exit: .left)
            case .exitWithKey(let key): try leaveQueue(current, reason: .exitWithKey(String(key.character)), exit: .left)
            }
        } catch { failure = error }
    }

    /// Requests the callback from the queue manager.
    public mutating func requestCallback(_ request: CallFlow.CallbackRequest, at now: Double) {
        let s = current
        let number = request.number.map(Self.text) ?? Self.callerID(calls[s].number)
        let source: CallbackSource
        var joinedAt: Double?
        switch request.due {
        case .asap: source = calls[s].everQueued ? .voicemail : .manual
        case .keepPlace(let joined):
            source = .queue       // keep your place: the caller's own join time
            joinedAt = joined
        case .at: source = .afterHours
        }
        do {
            let result = try queue.requestCallback(number: number, queue: QueueHandle(Int(queueOfFlow[request.queue])),
                                                   topic: request.topic >= 0 ? topicHandles[request.topic] : .none,
                                                   source: source, joinedAt: joinedAt, at: now)
            if case .created = result { stats.callbacksRequested += 1 }
        } catch { failure = error }
        needsDrain = true
    }

    /// Ends the call and frees its slot.
    public mutating func hangUp(_ outcome: CallOutcome, at now: Double) {
        let s = current
        if calls[s].ticket != nil {
            do { try leaveQueue(s, reason: .abandon, exit: .abandoned) } catch { failure = error }
        }
        if !calls[s].everQueued { stats.endedInFlow += 1 }
        if transcripts != nil, let program = flow?.program {
            transcripts?.append(runs[s].transcript(program: program, callerID: Self.callerID(calls[s].number),
                                                        start: Date(timeIntervalSince1970: startEpoch)))
        }
        if outcome.result == .abandoned { maybeRedial(calls[s].number) }
        endCall(s)
    }

    /// At a menu the caller picks a choice by share and presses its keys, the first after the
    /// key latency (barge-in: during the prompt), the rest 0.3 s apart.
    mutating func pressMenuKeys(_ plan: MenuPlan, _ s: Int) {
        guard rng.nextUnit() < model.scenario.callers.answersMenus else { return }
        let keys = plan.pick(rng.nextUnit())
        var t = now + model.keyLatency.sample(using: &rng)
        for key in keys {
            events.push(.key(slot: Int32(s), generation: calls[s].generation, key: key), at: t)
            t += 0.3
        }
    }

    /// A holding caller hears an announcement that offers voicemail and callback keys.
    mutating func considerLeavingQueue(_ s: Int) {
        let callers = model.scenario.callers
        let u = rng.nextUnit()
        let key: DTMFKey
        if u < callers.voicemailWhenOffered { key = model.voicemailKey }
        else if u < callers.voicemailWhenOffered + callers.callbackWhenOffered { key = model.callbackKey }
        else { return }
        let t = now + model.keyLatency.sample(using: &rng)
        events.push(.key(slot: Int32(s), generation: calls[s].generation, key: key), at: t)
    }

    /// Puts the timers started while handling the last event on the agenda (run loop, after
    /// every event), skipping those of calls that have ended meanwhile.
    mutating func flushTimers() {
        for t in pendingTimers where calls[Int(t.slot)].generation == t.generation && calls[Int(t.slot)].live {
            events.push(.timer(slot: t.slot, generation: t.generation, id: t.id), at: t.at)
        }
        pendingTimers.clearKeepingCapacity()
    }

    static func text(_ keys: KeySequence) -> String {
        var out = ""
        for i in 0..<keys.count { out.append(keys[i].character) }
        return out
    }
}
