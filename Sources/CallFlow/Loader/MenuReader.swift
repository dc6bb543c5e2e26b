import Yams

/// Reads a `menu` step: prompts, choices, timers, counters.
struct MenuReader {
    let context: StepContext
    var reader: YAMLReader { context.reader }
    var builder: FlowBuilder { context.builder }

    /// Seconds to wait for the first key (Twilio and Amazon Connect use 5 s).
    static let defaultTimeout = 5.0
    /// Seconds allowed between keys (between FreeSWITCH's 2 s and Asterisk's 5 s).
    static let defaultInterDigitTimeout = 3.0

    func read(_ value: Node) -> Step {
        let prompt = builder.prompts(value, "menu")
        let shortPrompt = context.options["short_prompt"].map { builder.prompts($0, "short_prompt") } ?? prompt
        let terminator = readTerminator()
        let start = builder.parts.choices.count
        var longest = 0
        var seen: [KeySequence: Int] = [:]
        if let node = context.options["choices"], let pairs = reader.pairs(node, "choices") {
            if pairs.isEmpty { reader.error(node, "choices is empty: give at least one key and its step") }
            for (key, keyNode, target) in pairs {
                guard let keys = KeySequence(key), !keys.isEmpty else {
                    reader.error(keyNode, "choice '\(key)' is not a key sequence: use keypad keys 0-9, *, # and A-D, at most 16")
                    continue
                }
                if let line = seen[keys] {
                    reader.error(keyNode, "choice '\(key)' is given twice in this menu (first on line \(line))")
                    continue
                }
                if let terminator, (0..<keys.count).contains(where: { keys[$0] == terminator }) {
                    reader.error(keyNode, "choice '\(key)' contains the terminator key '\(terminator.character)': pick another key or set `terminator: none`")
                }
                seen[keys] = keyNode.mark?.line ?? 0
                longest = max(longest, keys.count)
                builder.parts.choices.append(context.choice(target, keys: keys, silent: false))
            }
            checkPrefixes(pairs)
        } else if context.options["choices"] == nil {
            reader.error(builder.stepNodes[context.index], "menu '\(context.name)' needs `choices:` (keys and the steps they lead to)")
        }
        let end = builder.parts.choices.count
        var maxDigits = longest
        if let node = context.options["max_digits"], let value = reader.int(node, "max_digits", range: 1...16) {
            if value < longest { reader.error(node, "max_digits \(value) is shorter than the longest choice (\(longest) keys): that choice can never be chosen") }
            maxDigits = value
        }
        let timeout = context.duration("timeout", default: Self.defaultTimeout)
        let interDigit = context.duration("inter_digit_timeout", default: Self.defaultInterDigitTimeout)
        if timeout > 600, let node = context.options["timeout"] {
            reader.warning(node, "timeout is over 10 minutes: callers will think the line is dead")
        }
        return .menu(appendMenu(MenuStep(
            prompt: prompt, shortPrompt: shortPrompt,
            noInputPrompt: context.prompts("no_input_prompt"), invalidPrompt: context.prompts("invalid_prompt"),
            choices: start..<end, firstDigitTimeout: timeout, interDigitTimeout: interDigit,
            maxDigits: max(1, maxDigits), terminator: terminator,
            maxNoInput: context.int("max_no_input", default: 3, range: 1...20),
            maxInvalid: context.int("max_invalid", default: 3, range: 1...20),
            onNoInput: context.target("on_no_input", silent: true),
            onInvalid: context.target("on_invalid", silent: false),
            interruptible: context.bool("interruptible", default: true))))
    }

    private func appendMenu(_ menu: MenuStep) -> Int {
        builder.parts.menus.append(menu)
        return builder.parts.menus.count - 1
    }

    private func readTerminator() -> DTMFKey? {
        guard let node = context.options["terminator"] else { return .pound }
        guard let text = reader.string(node, "terminator") else { return .pound }
        if text == "none" || text.isEmpty { return nil }
        guard text.count == 1, let key = DTMFKey(text.first!) else {
            reader.error(node, "terminator '\(text)' is not one key: use # or * (or none)")
            return .pound
        }
        return key
    }

    /// Warns when one choice starts another: the shorter one then waits for the inter-digit timeout.
    private func checkPrefixes(_ pairs: [(key: String, keyNode: Node, value: Node)]) {
        for (short, shortNode, _) in pairs {
            for (long, _, _) in pairs where long != short && long.hasPrefix(short) && KeySequence(short) != nil {
                reader.warning(shortNode, "choice '\(short)' is the start of choice '\(long)': callers who want '\(short)' wait for the inter-digit timeout")
                break
            }
        }
    }
}
