/// Queues: hold music, periodic announcements (with position and estimated wait), exit
/// keys, maximum wait, agent connection.
extension CallInterpreter {
    func queueIndex(_ call: CallState) -> Int {
        if case .queue(let q) = program.steps[call.step] { return q }
        return 0
    }

    func enterQueue(_ q: Int, now: Double, call: inout CallState, actions: inout [CallAction]) {
        let step = program.queues[q]
        call.phase = .queue
        call.queue = step.queue
        call.joinedQueueAt = now
        call.position = 0
        call.estimatedWait = -1
        call.typeAhead.removeAll()
        actions.append(.enqueue(EnqueueRequest(
            queue: step.queue, topic: value(of: step.topic, call: call), music: step.music,
            maxWait: step.maxWait, exitKeys: step.exitKeys, announceEvery: step.announceEvery,
            announcePosition: step.announcePosition, announceWait: step.announceWait)))
        actions.append(.startMusic(step.music))
        if !step.announcement.isEmpty || step.announcePosition || step.announceWait, step.announceFirst > 0 {
            call.announceTimer = startTimer(.announcement, after: step.announceFirst, call: &call, actions: &actions)
        }
        if step.maxWait > 0 {
            call.maxWaitTimer = startTimer(.maxWait, after: step.maxWait, call: &call, actions: &actions)
        }
    }

    func queueDigit(_ key: DTMFKey, now: Double, call: inout CallState, actions: inout [CallAction]) {
        let step = program.queues[queueIndex(call)]
        guard step.exitKeys.contains(key) else { return }
        for c in step.keyTargets where program.choices[c].keys[0] == key {
            leaveQueue(.exitWithKey(key), call: &call, actions: &actions)
            choose(c, now: now, call: &call, actions: &actions)
            return
        }
    }

    /// Stops hold audio and timers and tells the queue the caller left.
    func leaveQueue(_ reason: QueueLeaveReason, call: inout CallState, actions: inout [CallAction]) {
        stopHold(call: &call, actions: &actions)
        actions.append(.leaveQueue(queue: call.queue, reason: reason))
    }

    func stopHold(call: inout CallState, actions: inout [CallAction]) {
        cancel(&call.announceTimer, actions: &actions)
        cancel(&call.maxWaitTimer, actions: &actions)
        if call.playing {
            actions.append(.stopPlaying)
            call.playing = false
        } else {
            actions.append(.stopMusic)
        }
    }

    func announce(now: Double, call: inout CallState, actions: inout [CallAction]) {
        guard call.phase == .queue else { return }
        let step = program.queues[queueIndex(call)]
        if step.announceEvery > 0 {
            call.announceTimer = startTimer(.announcement, after: step.announceEvery, call: &call, actions: &actions)
        }
        if call.playing || call.hold.held { return }   // held: the caller would not hear it
        var prompts = PromptList()
        if step.announcePosition && call.position > 0 && program.positionPrompt >= 0 {
            prompts.append(program.positionPrompt)
            appendNumber(Int(call.position), to: &prompts)
        }
        if step.announceWait && call.estimatedWait >= 0 && program.waitPrompt >= 0 {
            prompts.append(program.waitPrompt)
            let minutes = max(1, Int((call.estimatedWait / 60).rounded()))
            appendNumber(minutes, to: &prompts)
            let unit = minutes == 1 && program.minutePrompt >= 0 ? program.minutePrompt : program.minutesPrompt
            if unit >= 0 { prompts.append(unit) }
        }
        prompts.append(contentsOf: step.announcement)
        guard !prompts.isEmpty else { return }
        actions.append(.stopMusic)
        call.playing = true
        actions.append(.play(prompts, interruptible: true))
    }

    /// Appends `number` read as British English words (``SpokenNumber``), or digit by digit
    /// when the flow's prompt library lacks the `number-…` word prompts. Missing prompts are skipped.
    func appendNumber(_ number: Int, to prompts: inout PromptList) {
        let table = program.numberPrompts
        if program.speaksNumberWords {
            SpokenNumber.forEachWord(of: number) { word in
                if table[word.slot] >= 0 { prompts.append(table[word.slot]) }
            }
        } else {
            SpokenNumber.forEachDigit(of: number) { word in
                if table[word.slot] >= 0 { prompts.append(table[word.slot]) }
            }
        }
    }

    func queueTimedOut(now: Double, call: inout CallState, actions: inout [CallAction]) {
        guard call.phase == .queue else { return }
        let step = program.queues[queueIndex(call)]
        leaveQueue(.timeout, call: &call, actions: &actions)
        go(to: step.onTimeout, now: now, call: &call, actions: &actions)
    }

    func queueEmpty(now: Double, call: inout CallState, actions: inout [CallAction]) {
        guard call.phase == .queue else { return }
        let step = program.queues[queueIndex(call)]
        stopHold(call: &call, actions: &actions)
        go(to: step.onEmpty, now: now, call: &call, actions: &actions)
    }

    func agentConnected(call: inout CallState, actions: inout [CallAction]) {
        guard call.phase == .queue else { return }
        stopHold(call: &call, actions: &actions)
        call.phase = .queueConnected
        call.connected = true
    }
}
