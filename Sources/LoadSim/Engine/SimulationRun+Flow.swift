import CallFlow
import CallQueue

/// Flow mode: feeding the interpreter and carrying out its actions, with the caller model
/// (menu choices, key latency, exit keys while holding, voicemail length).
extension SimulationRun {
    /// Feeds `event` for the call in slot `s` and carries out the interpreter's actions in order.
    ///
    /// Carrying out an action never feeds the interpreter again: a follow-up event (queue status,
    /// queue empty) is fed after the batch, and the queue manager is drained last, so the actions
    /// of one event are always performed in the order the interpreter gave them.
    mutating func feed(_ s: Int, _ event: CallEvent) throws {
        guard let interpreter else { return }
        actions.clearKeepingCapacity()
        interpreter.handle(event, now: now, call: &calls[s].flow, actions: &actions)
        var follow: CallEvent?
        var i = 0
        while i < actions.count {
            if let next = try perform(actions[i], s) { follow = next }
            if !calls[s].live { break }
            i += 1
        }
        if let follow, calls[s].live { try feed(s, follow) }
        if needsDrain { try drain() }
        if !patienceDue.isEmpty && !draining { armPatience() }
    }

    /// Carries out one action; returns an event to feed back once the batch is done.
    mutating func perform(_ action: CallAction, _ s: Int) throws -> CallEvent? {
        let generation = calls[s].generation
        switch action {
        case .enterStep(let step):
            if let plan = model.menuPlans[step] { pressMenuKeys(plan, s) }
        case .play(let prompts, _):
            calls[s].playSerial &+= 1
            var length = 0.0
            for p in prompts { length += model.promptLengths[p] }
            events.push(.promptDone(slot: Int32(s), generation: generation, serial: calls[s].playSerial), at: now + length)
            if calls[s].ticket != nil { considerLeavingQueue(s) }
        case .stopPlaying:
            calls[s].playSerial &+= 1
        case .startMusic, .stopMusic, .stopRecording, .discardRecording:
            break                                   // no audio
        case .cancelTimer(let id):
            // A timer started while handling this same event (e.g. max_wait, then the caller is
            // answered at once) never reaches the agenda; later ones fire and are ignored as stale.
            if let i = pendingTimers.firstIndex(where: { $0.slot == Int32(s) && $0.id == id }) {
                pendingTimers.remove(at: i)
            }
        case .startTimer(let id, let after):
            pendingTimers.append(PendingTimer(slot: Int32(s), generation: generation, id: id, at: now + after))
        case .record(let request):
            let spoken = model.messageLength.sample(using: &rng)
            let maxed = spoken >= request.maxLength
            let length = min(spoken, request.maxLength)
            let stopsAt = maxed ? length : length + (request.silenceTime > 0 ? request.silenceTime : 0)
            events.push(.recordingDone(slot: Int32(s), generation: generation, duration: length, maxed: maxed), at: now + stopsAt)
        case .saveRecording:
            stats.voicemails += 1
        case .enqueue(let request):
            let q = Int(queueOfFlow[request.queue])
            let topic = request.topic >= 0 ? topicHandles[request.topic] : TopicHandle.none
            return try join(s, queue: q, topic: topic)
        case .leaveQueue(_, let reason):
            switch reason {
            case .abandon: try leaveQueue(s, reason: .abandon, exit: .abandoned)
            case .timeout: try leaveQueue(s, reason: .timeout, exit: .left)
            case .exitWithKey(let key): try leaveQueue(s, reason: .exitWithKey(String(key.character)), exit: .left)
            }
        case .createCallback(let request):
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
            let result = try queue.requestCallback(number: number, queue: QueueHandle(Int(queueOfFlow[request.queue])),
                                                   topic: request.topic >= 0 ? topicHandles[request.topic] : .none,
                                                   source: source, joinedAt: joinedAt, at: now)
            if case .created = result { stats.callbacksRequested += 1 }
            needsDrain = true
        case .hangUp(let outcome):
            if calls[s].ticket != nil { try leaveQueue(s, reason: .abandon, exit: .abandoned) }
            if !calls[s].everQueued { stats.endedInFlow += 1 }
            if outcome.result == .abandoned { maybeRedial(calls[s].number) }
            endCall(s)
        }
        return nil
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
        let key: PhoneKey
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
