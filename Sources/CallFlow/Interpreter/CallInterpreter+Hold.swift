/// The caller holding the call (a SIP re-INVITE with `sendonly` or `inactive`).
///
/// While held the caller hears nothing, so nothing is played to them and nothing they could
/// not answer may time out: a prompt playing at the hold (or started while held) is withdrawn
/// and played again from its start at the resume; a menu's or a callback entry's key timeout is
/// cancelled and started afresh at the resume. A caller in a queue keeps their place and their
/// wait counts on (as in Asterisk, where a hold does not take a caller out of a queue): the music
/// pauses, announcements that come due are skipped, `max_wait` runs on. A message being recorded
/// records on (the silence stop may end it, as for a caller who went quiet), and a caller
/// connected to an agent stays connected.
extension CallInterpreter {
    /// Withdraws what the caller cannot hear while held: the prompt playing (a `.play` emitted
    /// since `mark` is removed, an earlier one stopped) and the key timeout; in a queue, the music.
    func suspendForHold(since mark: Int, call: inout CallState, actions: inout [CallAction]) {
        if call.hold.phase != call.phase || call.hold.step != Int32(call.step) {
            call.hold = HoldState(held: true, phase: call.phase, step: Int32(call.step))
        }
        switch call.phase {
        case .play, .menu, .voicemailGreeting, .callbackConfirm, .callbackEntry, .callbackDone:
            if call.playing {
                withdrawPlay(since: mark, actions: &actions)
                call.playing = false
                call.hold.prompt = true
            }
            if let timer = call.digitTimer {
                call.hold.timer = timer.kind
                cancel(&call.digitTimer, actions: &actions)
            }
        case .queue:
            if call.playing {
                withdrawPlay(since: mark, actions: &actions)   // an announcement: skipped, the music was stopped for it
                call.playing = false
                call.hold.music = true
            } else if !call.hold.music {
                actions.append(.stopMusic)
                call.hold.music = true
            }
        case .idle, .queueConnected, .voicemailRecording, .voicemailStopping, .ended:
            break
        }
    }

    /// Removes the last `.play` emitted since `mark`, or stops the one playing from before.
    private func withdrawPlay(since mark: Int, actions: inout [CallAction]) {
        var index = actions.count - 1
        while index >= mark {
            if case .play = actions[index] {
                actions.remove(at: index)
                return
            }
            index -= 1
        }
        actions.append(.stopPlaying)
    }

    /// The caller is back: what the hold withdrew from the step they are in starts again.
    func resume(now: Double, call: inout CallState, actions: inout [CallAction]) {
        guard call.hold.held else { return }
        let hold = call.hold
        call.hold = HoldState()
        guard hold.phase == call.phase, hold.step == Int32(call.step), !call.playing, call.digitTimer == nil else { return }
        switch call.phase {
        case .queue:
            if hold.music { actions.append(.startMusic(program.queues[queueIndex(call)].music)) }
        case .play, .menu, .voicemailGreeting, .callbackConfirm, .callbackEntry, .callbackDone:
            if hold.prompt {
                replayPrompt(now: now, call: &call, actions: &actions)
            } else if let kind = hold.timer {
                let seconds = keyTimeout(kind, call: call)
                call.digitTimer = startTimer(kind, after: seconds, call: &call, actions: &actions)
            }
        case .idle, .queueConnected, .voicemailRecording, .voicemailStopping, .ended:
            break
        }
    }

    /// Plays the current step's prompt again from its start (a menu: its full prompt).
    private func replayPrompt(now: Double, call: inout CallState, actions: inout [CallAction]) {
        switch program.steps[call.step] {
        case .play(let step):
            call.playing = true
            actions.append(.play(step.prompts, interruptible: step.interruptible))
        case .menu(let m):
            playMenuPrompt(program.menus[m].prompt, now: now, call: &call, actions: &actions)
        case .voicemail(let v):
            call.playing = true
            actions.append(.play(program.voicemails[v].greeting, interruptible: false))
        case .callback(let c):
            let step = program.callbacks[c]
            switch call.phase {
            case .callbackConfirm:
                let number = call.number ?? call.callerDigits
                readBack(step, number: number, call: &call, actions: &actions)
            case .callbackEntry:
                askNumber(step, call: &call, actions: &actions)
            default:
                call.playing = true
                actions.append(.play(step.donePrompt, interruptible: false))
            }
        default:
            break
        }
    }

    /// The length of a key timeout of `kind` in the current menu or callback step.
    private func keyTimeout(_ kind: TimerKind, call: CallState) -> Double {
        switch program.steps[call.step] {
        case .menu(let m):
            kind == .interDigit ? program.menus[m].interDigitTimeout : program.menus[m].firstDigitTimeout
        case .callback(let c):
            kind == .interDigit ? program.callbacks[c].interDigitTimeout : program.callbacks[c].timeout
        default:
            0
        }
    }
}

/// What a hold withdrew from the step the caller was in.
struct HoldState: Sendable {
    /// The caller holds the call.
    var held = false
    /// The phase and step the flags below belong to (a new step starts them afresh).
    var phase: CallState.Phase = .idle
    var step: Int32 = -1
    /// A prompt was withdrawn: play it again at the resume.
    var prompt = false
    /// The queue's music was paused.
    var music = false
    /// A key timeout of this kind was cancelled: start it afresh at the resume.
    var timer: TimerKind?
}
