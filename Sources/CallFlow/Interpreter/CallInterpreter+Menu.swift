/// Menus: long prompt first, short on retries; barge-in; type-ahead; first-digit and
/// inter-digit timeouts; separate no-input and invalid counters.
extension CallInterpreter {
    func menuIndex(_ call: CallState) -> Int {
        if case .menu(let m) = program.steps[call.step] { return m }
        return 0
    }

    func enterMenu(_ m: Int, now: Double, call: inout CallState, actions: inout [CallAction]) {
        call.phase = .menu
        call.noInputCount = 0
        call.invalidCount = 0
        call.digits.removeAll()
        if call.typeAhead.isEmpty {
            playMenuPrompt(program.menus[m].prompt, now: now, call: &call, actions: &actions)
        } else {
            consumeTypeAhead(now: now, call: &call, actions: &actions)
        }
    }

    /// Feeds kept keys to the menu until it leaves, starts a prompt, or runs out of keys.
    func consumeTypeAhead(now: Double, call: inout CallState, actions: inout [CallAction]) {
        let step = call.step
        while call.phase == .menu && call.step == step && !call.playing, let key = call.typeAhead.popFirst() {
            menuKey(key, now: now, call: &call, actions: &actions)
        }
    }

    func menuPromptFinished(now: Double, call: inout CallState, actions: inout [CallAction]) {
        if !call.typeAhead.isEmpty {
            consumeTypeAhead(now: now, call: &call, actions: &actions)
            if call.phase != .menu || call.playing || call.digitTimer != nil { return }
        }
        let menu = program.menus[menuIndex(call)]
        call.digitTimer = startTimer(.firstDigit, after: menu.firstDigitTimeout, call: &call, actions: &actions)
    }

    func menuDigit(_ key: DTMFKey, now: Double, call: inout CallState, actions: inout [CallAction]) {
        if call.playing {
            if program.menus[menuIndex(call)].interruptible {
                actions.append(.stopPlaying)
                call.playing = false
                menuKey(key, now: now, call: &call, actions: &actions)
            } else {
                call.typeAhead.append(key)
            }
            return
        }
        cancel(&call.digitTimer, actions: &actions)
        menuKey(key, now: now, call: &call, actions: &actions)
    }

    /// One key of menu input (not while a non-interruptible prompt plays).
    func menuKey(_ key: DTMFKey, now: Double, call: inout CallState, actions: inout [CallAction]) {
        let m = menuIndex(call)
        let menu = program.menus[m]
        if key == menu.terminator {
            evaluate(menu, now: now, call: &call, actions: &actions)
            return
        }
        call.digits.append(key)
        var exact = -1
        var longer = false
        for c in menu.choices {
            let keys = program.choices[c].keys
            if keys == call.digits { exact = c } else if keys.hasPrefix(call.digits) { longer = true }
        }
        if exact >= 0 && !longer {
            choose(exact, now: now, call: &call, actions: &actions)
        } else if call.digits.count >= menu.maxDigits || (exact < 0 && !longer) {
            evaluate(menu, now: now, call: &call, actions: &actions)
        } else {
            call.digitTimer = startTimer(.interDigit, after: menu.interDigitTimeout, call: &call, actions: &actions)
        }
    }

    /// The entry is complete (terminator, inter-digit timeout, max digits): choose or reject.
    func evaluate(_ menu: MenuStep, now: Double, call: inout CallState, actions: inout [CallAction]) {
        for c in menu.choices where program.choices[c].keys == call.digits && !call.digits.isEmpty {
            choose(c, now: now, call: &call, actions: &actions)
            return
        }
        retry(noInput: false, now: now, call: &call, actions: &actions)
    }

    func choose(_ c: Int, now: Double, call: inout CallState, actions: inout [CallAction]) {
        cancel(&call.digitTimer, actions: &actions)
        let choice = program.choices[c]
        apply(choice.assignments, call: &call)
        call.digits.removeAll()
        go(to: choice.target, now: now, call: &call, actions: &actions)
    }

    func menuTimeout(_ kind: TimerKind, now: Double, call: inout CallState, actions: inout [CallAction]) {
        if kind == .interDigit && !call.digits.isEmpty {
            evaluate(program.menus[menuIndex(call)], now: now, call: &call, actions: &actions)
        } else {
            retry(noInput: true, now: now, call: &call, actions: &actions)
        }
    }

    /// Counts a no-input or invalid attempt; replays the short prompt or leaves the menu.
    func retry(noInput: Bool, now: Double, call: inout CallState, actions: inout [CallAction]) {
        let menu = program.menus[menuIndex(call)]
        call.digits.removeAll()
        call.typeAhead.removeAll()
        cancel(&call.digitTimer, actions: &actions)
        if noInput {
            call.noInputCount += 1
            if Int(call.noInputCount) >= menu.maxNoInput {
                go(to: menu.onNoInput, now: now, call: &call, actions: &actions)
                return
            }
        } else {
            call.invalidCount += 1
            if Int(call.invalidCount) >= menu.maxInvalid {
                go(to: menu.onInvalid, now: now, call: &call, actions: &actions)
                return
            }
        }
        var prompts = noInput ? menu.noInputPrompt : menu.invalidPrompt
        prompts.append(contentsOf: menu.shortPrompt)
        playMenuPrompt(prompts, now: now, call: &call, actions: &actions)
    }

    /// Plays a menu prompt, or starts waiting for the first key at once when there is none.
    func playMenuPrompt(_ prompts: PromptList, now: Double, call: inout CallState, actions: inout [CallAction]) {
        let menu = program.menus[menuIndex(call)]
        if prompts.isEmpty {
            call.digitTimer = startTimer(.firstDigit, after: menu.firstDigitTimeout, call: &call, actions: &actions)
        } else {
            call.playing = true
            actions.append(.play(prompts, interruptible: menu.interruptible))
        }
    }
}
