import Foundation
import PhoneNumbers

/// Callbacks: read back the caller ID and confirm with 1, or key in a number ended by `#`;
/// then create the request (as soon as possible, keeping the queue place, or at the next opening).
///
/// A number is only ever booked when it parses as a ``PhoneNumber`` in the flow's
/// ``FlowProgram/phoneRegion``: a keyed-in number that does not is a failed attempt (asked
/// again, then `on_failure`), and a caller ID that does not is treated like a withheld one.
/// A caller ID in E.164 form is checked on its bytes (every call that reaches a callback step
/// asks); other text is parsed.
extension CallInterpreter {
    func callbackIndex(_ call: CallState) -> Int {
        if case .callback(let c) = program.steps[call.step] { return c }
        return 0
    }

    func enterCallback(_ c: Int, now: Double, call: inout CallState, actions: inout [CallAction]) {
        let step = program.callbacks[c]
        call.noInputCount = 0
        call.invalidCount = 0
        call.digits.removeAll()
        call.typeAhead.removeAll()
        call.number = nil
        if step.askNumber || call.callerDigits.isEmpty || !isUsable(call.callerID ?? "") {
            askNumber(step, call: &call, actions: &actions)
        } else if step.confirm {
            readBack(step, number: call.callerDigits, call: &call, actions: &actions)
        } else {
            createCallback(now: now, call: &call, actions: &actions)
        }
    }

    /// Reads `number` back digit by digit. A caller ID from the flow's own country is read in
    /// its national form, as the caller knows it (`+447700900123`: "oh seven seven oh oh …"),
    /// with `digit-oh` for 0 when the library has it; other numbers as they are.
    func readBack(_ step: CallbackStep, number: KeySequence, call: inout CallState, actions: inout [CallAction]) {
        call.phase = .callbackConfirm
        var prompts = step.numberIsPrompt
        var first = 0
        if call.number == nil, let national = nationalStart(call) {
            first = national.skip
            if let trunk = national.trunk { appendDigit(trunk, to: &prompts) }
        }
        for i in first..<number.count where number[i].isDigit {
            appendDigit(number[i], to: &prompts)
        }
        prompts.append(contentsOf: step.confirmPrompt)
        playOrWait(prompts, step, call: &call, actions: &actions)
    }

    private func appendDigit(_ key: PhoneKey, to prompts: inout PromptList) {
        let prompt = key == .d0 && program.ohPrompt >= 0 ? program.ohPrompt : program.digitPrompts[Int(key.rawValue)]
        if prompt >= 0 { prompts.append(prompt) }
    }

    /// For a caller ID `+CC…` of the flow's region: how many digits (the country code) to skip
    /// and the trunk prefix to say instead (`0` in the UK; none in North America).
    private func nationalStart(_ call: CallState) -> (skip: Int, trunk: PhoneKey?)? {
        guard let id = call.callerID, id.utf8.first == UInt8(ascii: "+") else { return nil }
        let region = program.phoneRegion
        let code = region.callingCode.utf8
        let digits = call.callerDigits
        guard digits.count > code.count else { return nil }
        for (i, byte) in code.enumerated() where digits[i].rawValue != byte &- 48 { return nil }
        var trunk: PhoneKey?
        if region.trunkPrefixRequired, let prefix = region.trunkPrefix?.utf8.first {
            trunk = PhoneKey(rawValue: prefix &- 48)
        }
        return (code.count, trunk)
    }

    func askNumber(_ step: CallbackStep, call: inout CallState, actions: inout [CallAction]) {
        call.phase = .callbackEntry
        call.digits.removeAll()
        playOrWait(step.askPrompt, step, call: &call, actions: &actions)
    }

    func playOrWait(_ prompts: PromptList, _ step: CallbackStep, call: inout CallState, actions: inout [CallAction]) {
        if prompts.isEmpty {
            call.digitTimer = startTimer(.firstDigit, after: step.timeout, call: &call, actions: &actions)
        } else {
            call.playing = true
            actions.append(.play(prompts, interruptible: true))
        }
    }

    func callbackPromptFinished(call: inout CallState, actions: inout [CallAction]) {
        let step = program.callbacks[callbackIndex(call)]
        call.digitTimer = startTimer(.firstDigit, after: step.timeout, call: &call, actions: &actions)
    }

    func callbackDigit(_ key: PhoneKey, now: Double, call: inout CallState, actions: inout [CallAction]) {
        let step = program.callbacks[callbackIndex(call)]
        if call.playing {
            actions.append(.stopPlaying)
            call.playing = false
        }
        cancel(&call.digitTimer, actions: &actions)
        if call.phase == .callbackConfirm {
            if key == .d1 {
                createCallback(now: now, call: &call, actions: &actions)
                return
            }
            guard key.isDigit else {
                call.digitTimer = startTimer(.firstDigit, after: step.timeout, call: &call, actions: &actions)
                return
            }
            call.phase = .callbackEntry
            call.digits.removeAll()
        }
        if key == .hash {
            finishEntry(step, now: now, call: &call, actions: &actions)
        } else if key.isDigit {
            call.digits.append(key)
            if call.digits.count >= 15 {
                finishEntry(step, now: now, call: &call, actions: &actions)
            } else {
                call.digitTimer = startTimer(.interDigit, after: step.interDigitTimeout, call: &call, actions: &actions)
            }
        } else {
            call.digitTimer = startTimer(.interDigit, after: step.interDigitTimeout, call: &call, actions: &actions)
        }
    }

    func finishEntry(_ step: CallbackStep, now: Double, call: inout CallState, actions: inout [CallAction]) {
        guard call.digits.count >= step.minDigits, isUsable(call.digits.string) else {
            failedAttempt(step, now: now, call: &call, actions: &actions)
            return
        }
        call.number = call.digits
        if step.confirm {
            readBack(step, number: call.digits, call: &call, actions: &actions)
        } else {
            createCallback(now: now, call: &call, actions: &actions)
        }
    }

    /// True when `text` (caller ID or keyed digits) is a phone number a callback can be made to.
    func isUsable(_ text: String) -> Bool {
        guard !text.isEmpty else { return false }
        return PhoneNumber.isValid(text, region: program.phoneRegion)
    }

    func callbackTimeout(_ kind: TimerKind, now: Double, call: inout CallState, actions: inout [CallAction]) {
        let step = program.callbacks[callbackIndex(call)]
        if call.phase == .callbackEntry && !call.digits.isEmpty {
            finishEntry(step, now: now, call: &call, actions: &actions)
        } else {
            failedAttempt(step, now: now, call: &call, actions: &actions)
        }
    }

    func failedAttempt(_ step: CallbackStep, now: Double, call: inout CallState, actions: inout [CallAction]) {
        call.invalidCount += 1
        if Int(call.invalidCount) >= step.maxAttempts {
            go(to: step.onFailure, now: now, call: &call, actions: &actions)
        } else if call.phase == .callbackConfirm, let number = call.number ?? (call.callerDigits.isEmpty ? nil : call.callerDigits) {
            readBack(step, number: number, call: &call, actions: &actions)
        } else {
            askNumber(step, call: &call, actions: &actions)
        }
    }

    func createCallback(now: Double, call: inout CallState, actions: inout [CallAction]) {
        let step = program.callbacks[callbackIndex(call)]
        let queue = step.queue >= 0 ? step.queue : (call.queue >= 0 ? call.queue : step.fallbackQueue)
        let due: CallbackDue
        switch step.timing {
        case .asap:
            due = .asap
        case .keepPlace:
            due = call.joinedQueueAt >= 0 && queue == call.queue ? .keepPlace(joinedAt: call.joinedQueueAt) : .asap
        case .nextOpening(let schedule):
            let date = call.calendarDate(at: now)
            let opening = program.schedules[schedule].nextOpening(after: date) ?? date
            due = .at(opening.timeIntervalSince1970)
        }
        actions.append(.createCallback(CallbackRequest(number: call.number, queue: queue,
                                                       topic: value(of: step.topic, call: call), due: due)))
        call.callbackQueue = queue
        if step.donePrompt.isEmpty {
            go(to: step.next, now: now, call: &call, actions: &actions)
        } else {
            call.phase = .callbackDone
            call.playing = true
            actions.append(.play(step.donePrompt, interruptible: false))
        }
    }
}
