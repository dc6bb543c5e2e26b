import Yams

/// Reads one step: finds its kind, checks its options, and compiles it.
struct StepReader {
    let builder: FlowBuilder
    let name: String
    let node: Node
    let index: Int

    var reader: YAMLReader { builder.reader }

    static let kinds = ["play", "menu", "hours", "queue", "voicemail", "callback", "goto", "hangup", "set"]

    /// Options each kind accepts besides its own key.
    static let options: [String: Set<String>] = [
        "play": ["interruptible", "next"],
        "menu": ["short_prompt", "choices", "timeout", "inter_digit_timeout", "max_digits", "terminator",
                 "max_no_input", "max_invalid", "no_input_prompt", "invalid_prompt", "on_no_input",
                 "on_invalid", "interruptible"],
        "hours": ["open", "closed", "holiday"],
        "queue": ["topic", "music", "announce", "announce_every", "announce_first", "announce_position",
                  "announce_wait", "keys", "max_wait", "on_timeout", "on_empty", "next"],
        "voicemail": ["greeting", "beep", "max_length", "min_length", "silence_threshold", "silence",
                      "finish_keys", "next", "on_too_short"],
        "callback": ["topic", "number", "confirm", "when", "hours", "number_prompt", "confirm_prompt",
                     "ask_prompt", "done_prompt", "timeout", "inter_digit_timeout", "min_digits",
                     "max_attempts", "next", "on_failure"],
        "goto": [],
        "hangup": [],
        "set": ["next"],
    ]

    func read() -> Step {
        guard let pairs = reader.pairs(node, "step '\(name)'") else { return .hangup(nil) }
        var kinds = pairs.filter { Self.kinds.contains($0.key) }
        // `hours` is also a callback option: the kind is the key whose options take in the others.
        if let owner = kinds.first(where: { candidate in
            kinds.allSatisfy { $0.key == candidate.key || (Self.options[candidate.key] ?? []).contains($0.key) }
        }) {
            kinds = [owner]
        }
        guard let kind = kinds.first else {
            reader.error(builder.stepNodes[index], "step '\(name)' has no kind: give it one of \(Self.kinds.joined(separator: ", "))")
            return .hangup(nil)
        }
        for extra in kinds.dropFirst() {
            reader.error(extra.keyNode, "step '\(name)' is already a \(kind.key) step: '\(extra.key)' belongs in a separate step")
        }
        let allowed = Self.options[kind.key] ?? []
        var options: [String: Node] = [:]
        for pair in pairs where pair.key != kind.key && (!Self.kinds.contains(pair.key) || allowed.contains(pair.key)) {
            if allowed.contains(pair.key) {
                options[pair.key] = pair.value
            } else {
                let list = allowed.sorted().joined(separator: ", ")
                reader.error(pair.keyNode, "unknown option '\(pair.key)' for a \(kind.key) step\(list.isEmpty ? "" : ": expected \(list)")")
            }
        }
        let context = StepContext(builder: builder, index: index, name: name, options: options)
        switch kind.key {
        case "play":
            return .play(PlayStep(prompts: builder.prompts(kind.value, "play"),
                                  interruptible: context.bool("interruptible", default: false),
                                  next: context.next()))
        case "menu": return MenuReader(context: context).read(kind.value)
        case "hours": return readHours(kind.value, context)
        case "queue": return QueueReader(context: context).read(kind.value)
        case "voicemail": return VoicemailReader(context: context).read(kind.value)
        case "callback": return CallbackReader(context: context).read(kind.value)
        case "goto": return .goto(builder.target(kind.value, "goto", silent: true, instant: true))
        case "hangup": return readHangup(kind.value)
        default: return readSet(kind.value, context)
        }
    }

    private func readHours(_ value: Node, _ context: StepContext) -> Step {
        let schedule = context.schedule(value)
        let open = context.requiredTarget("open", instant: true)
        let closed = context.requiredTarget("closed", instant: true)
        let holiday = context.options["holiday"].map { builder.target($0, "holiday", silent: true, instant: true) } ?? closed
        return .hours(HoursStep(schedule: schedule, open: open, closed: closed, holiday: holiday))
    }

    private func readHangup(_ value: Node) -> Step {
        guard case .scalar(let scalar) = value, !scalar.string.isEmpty, scalar.string != "~", scalar.string != "null",
              scalar.string != "true" else { return .hangup(nil) }
        guard let result = CallResult(rawValue: scalar.string) else {
            reader.error(value, "unknown hangup result '\(scalar.string)': expected \(CallResult.allCases.map(\.rawValue).joined(separator: ", ")) or nothing")
            return .hangup(nil)
        }
        return .hangup(result)
    }

    private func readSet(_ value: Node, _ context: StepContext) -> Step {
        let range = context.assignments(value)
        return .set(assignments: range, next: context.next(instant: true))
    }
}

/// The options of one step with typed accessors and defaults.
struct StepContext {
    let builder: FlowBuilder
    let index: Int
    let name: String
    let options: [String: Node]

    var reader: YAMLReader { builder.reader }

    func bool(_ key: String, default value: Bool) -> Bool {
        options[key].flatMap { reader.bool($0, key) } ?? value
    }

    func duration(_ key: String, default value: Double, allowZero: Bool = false) -> Double {
        options[key].flatMap { reader.duration($0, key, allowZero: allowZero) } ?? value
    }

    func int(_ key: String, default value: Int, range: ClosedRange<Int>) -> Int {
        options[key].flatMap { reader.int($0, key, range: range) } ?? value
    }

    func prompts(_ key: String) -> PromptList {
        options[key].map { builder.prompts($0, key) } ?? PromptList()
    }

    /// The step's `topic:` option, else the flow's `topic` variable if declared, else none.
    func topic() -> ValueSource {
        if let node = options["topic"] { return builder.valueSource(node, "topic") }
        return builder.variableIndex["topic"].map { ValueSource.variable($0) } ?? .none
    }

    /// `next`, or the following step in the file.
    func next(instant: Bool = false) -> Int { target("next", silent: true, instant: instant) }

    /// A step reference option; absent means the following step for `next`, else hang up.
    func target(_ key: String, silent: Bool, instant: Bool = false, fallback: Int? = nil) -> Int {
        if let node = options[key] { return builder.target(node, key, silent: silent, instant: instant) }
        if let fallback { return fallback }
        return key == "next" ? builder.following(index, silent: silent, instant: instant) : -1
    }

    func requiredTarget(_ key: String, instant: Bool) -> Int {
        guard let node = options[key] else {
            reader.error(builder.stepNodes[index], "step '\(name)' needs `\(key):` (the step to go to)")
            return -1
        }
        return builder.target(node, key, silent: true, instant: instant)
    }

    func schedule(_ node: Node) -> Int {
        guard let text = reader.string(node, "schedule") else { return 0 }
        if let index = builder.scheduleIndex[text] { return index }
        reader.error(node, "schedule '\(text)' is not defined: add it under `schedules:`")
        return 0
    }

    /// Reads `{variable: value, ...}` into the assignment table.
    func assignments(_ node: Node) -> Range<Int> {
        let start = builder.parts.assignments.count
        guard let pairs = reader.pairs(node, "set") else { return start..<start }
        for (key, keyNode, value) in pairs {
            guard let slot = builder.variableIndex[key] else {
                reader.error(keyNode, "unknown variable '\(key)': declare it under `variables:`")
                continue
            }
            guard let text = reader.string(value, "value of '\(key)'") else { continue }
            builder.parts.assignments.append(Assignment(variable: slot, value: builder.value(text)))
        }
        return start..<builder.parts.assignments.count
    }

    /// A choice target: a step name, or `{goto: step, set: {...}}`. Records the edge.
    func choice(_ node: Node, keys: KeySequence, silent: Bool) -> MenuChoice {
        if case .mapping = node, let pairs = reader.pairs(node, "choice") {
            var target = -1
            var assignments = builder.parts.assignments.count..<builder.parts.assignments.count
            var sawGoto = false
            for (key, keyNode, value) in pairs {
                switch key {
                case "goto": target = builder.target(value, "goto", silent: silent); sawGoto = true
                case "set": assignments = self.assignments(value)
                default: reader.error(keyNode, "unknown choice option '\(key)': expected goto and set")
                }
            }
            if !sawGoto { reader.error(node, "choice needs `goto:` (the step to go to)") }
            return MenuChoice(keys: keys, target: target, assignments: assignments)
        }
        let target = builder.target(node, "choice", silent: silent)
        let empty = builder.parts.assignments.count..<builder.parts.assignments.count
        return MenuChoice(keys: keys, target: target, assignments: empty)
    }
}
