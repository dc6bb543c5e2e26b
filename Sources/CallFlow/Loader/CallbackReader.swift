import Yams

/// Reads a `callback` step: number source, confirmation, timing, prompts.
struct CallbackReader {
    let context: StepContext
    var reader: YAMLReader { context.reader }
    var builder: FlowBuilder { context.builder }

    func read(_ value: Node) -> Step {
        var queue = -1
        if let name = reader.string(value, "callback"), !name.isEmpty, !["true", "~", "null", "yes"].contains(name) {
            queue = builder.queue(name)
        }
        var askNumber = false
        if let node = context.options["number"], let text = reader.string(node, "number") {
            switch text {
            case "caller", "caller_id": askNumber = false
            case "ask": askNumber = true
            default: reader.error(node, "number '\(text)' must be caller (read back the caller ID) or ask (key it in)")
            }
        }
        var timing = CallbackTiming.asap
        if let node = context.options["when"], let text = reader.string(node, "when") {
            switch text {
            case "now", "asap": timing = .asap
            case "keep_place": timing = .keepPlace
            case "next_opening":
                timing = .nextOpening(schedule: scheduleForNextOpening(node))
            default: reader.error(node, "when '\(text)' must be now, keep_place or next_opening")
            }
        }
        let topic = context.topic()
        let step = CallbackStep(
            queue: queue, fallbackQueue: queue >= 0 ? queue : builder.queue("general"), topic: topic,
            askNumber: askNumber, confirm: context.bool("confirm", default: true), timing: timing,
            numberIsPrompt: context.prompts("number_prompt"), confirmPrompt: context.prompts("confirm_prompt"),
            askPrompt: context.prompts("ask_prompt"), donePrompt: context.prompts("done_prompt"),
            timeout: context.duration("timeout", default: MenuReader.defaultTimeout),
            interDigitTimeout: context.duration("inter_digit_timeout", default: 5),
            minDigits: context.int("min_digits", default: 6, range: 1...15),
            maxAttempts: context.int("max_attempts", default: 3, range: 1...10),
            next: context.next(), onFailure: context.target("on_failure", silent: true))
        let stepNode = builder.stepNodes[context.index]
        if step.askPrompt.isEmpty {
            reader.warning(stepNode, "callback '\(context.name)' has no ask_prompt: callers without caller ID (or with number: ask) hear silence while they should key in a number")
        }
        let missing = builder.missingPrompts(FlowBuilder.readBackPrompts)
        if step.confirm, !missing.isEmpty {
            reader.warning(stepNode, "callback '\(context.name)' reads the number back digit by digit but the prompt library lacks "
                           + "\(FlowBuilder.summary(missing)); add them with scripts/make-prompts or `ivr prompt record NAME`")
        }
        builder.parts.callbacks.append(step)
        return .callback(builder.parts.callbacks.count - 1)
    }

    private func scheduleForNextOpening(_ node: Node) -> Int {
        if let hours = context.options["hours"] { return context.schedule(hours) }
        if builder.parts.schedules.count == 1 { return 0 }
        reader.error(node, "when: next_opening needs `hours:` naming a schedule (the flow has \(builder.parts.schedules.count))")
        return 0
    }
}
