import CallQueue
import Yams

/// Reads a `queue` step: hold music, announcements, exit keys, maximum wait.
struct QueueReader {
    let context: StepContext
    var reader: YAMLReader { context.reader }
    var builder: FlowBuilder { context.builder }

    /// What a step that states no `max_wait` / `announce_every` holds until the driver applies
    /// the queue's own settings (`FlowProgram.applyingQueueSettings`): the defaults of a queue
    /// nobody has configured, so a program that is never given settings behaves the same.
    static let unconfigured = QueueSettings(name: "")

    func read(_ value: Node) -> Step {
        let given = reader.string(value, "queue")
        if given?.isEmpty == true { reader.error(value, "queue needs a queue name, e.g. `queue: orders`") }
        let queueName = given ?? ""
        let topic = context.topic()
        let musicNode = context.options["music"] ?? builder.stepNodes[context.index]
        let music = builder.music(context.options["music"].flatMap { reader.string($0, "music") } ?? "default", musicNode)
        let every = context.duration("announce_every", default: Self.unconfigured.announceFrequency, allowZero: true)
        let first = context.duration("announce_first", default: every, allowZero: true)
        let maxWait = context.duration("max_wait", default: Self.unconfigured.maxWait, allowZero: true)
        let states = StatedTimings(maxWait: context.options["max_wait"] != nil,
                                   announceEvery: context.options["announce_every"] != nil,
                                   announceFirst: context.options["announce_first"] != nil)
        if every > 0 && every < 10, let node = context.options["announce_every"] {
            reader.warning(node, "announcements every \(DurationParser.format(every)) leave almost no music between them")
        }
        // Only what the step states is known here; the queue's settings fill in the rest when a driver runs it.
        if states.maxWait && (states.announceFirst || states.announceEvery) && maxWait > 0 && first >= maxWait
            && (context.options["announce"] != nil) {
            reader.warning(context.options["announce_first"] ?? context.options["announce_every"] ?? context.options["max_wait"],
                           "the first announcement (\(DurationParser.format(first))) comes after max_wait (\(DurationParser.format(maxWait))): callers never hear it")
        }
        var exitKeys = KeySet()
        let start = builder.parts.choices.count
        if let node = context.options["keys"], let pairs = reader.pairs(node, "keys") {
            for (key, keyNode, target) in pairs {
                guard key.count == 1, let phoneKey = DTMFKey(key.first!) else {
                    reader.error(keyNode, "queue key '\(key)' must be a single keypad key (0-9, *, #, A-D)")
                    continue
                }
                if exitKeys.contains(phoneKey) {
                    reader.error(keyNode, "queue key '\(key)' is given twice")
                    continue
                }
                exitKeys.insert(phoneKey)
                var keys = KeySequence()
                keys.append(phoneKey)
                builder.parts.choices.append(context.choice(target, keys: keys, silent: false))
            }
        }
        let end = builder.parts.choices.count
        let onTimeout = context.target("on_timeout", silent: true)
        if states.maxWait && maxWait == 0, let node = context.options["on_timeout"] {
            reader.warning(node, "on_timeout is never used with max_wait: 0 (leave max_wait out to take the queue's own, `ivr queue set NAME --max-wait`)")
        }
        let step = QueueStep(
            queue: builder.queue(queueName), topic: topic, music: music,
            announcement: context.prompts("announce"), announceFirst: first, announceEvery: every,
            announcePosition: context.bool("announce_position", default: false),
            announceWait: context.bool("announce_wait", default: false),
            exitKeys: exitKeys, keyTargets: start..<end, maxWait: maxWait, states: states, onTimeout: onTimeout,
            onEmpty: context.target("on_empty", silent: true, fallback: onTimeout),
            next: context.options["next"].map { builder.target($0, "next", silent: true) } ?? -1)
        if step.announcePosition || step.announceWait {
            checkNumberPrompts(step)
        }
        builder.parts.queues.append(step)
        return .queue(builder.parts.queues.count - 1)
    }

    /// The most prompts reading position and wait can take: `queue-position` + 5 words,
    /// `queue-wait` + 5 words + `minutes` (numbers below 1000 take at most 5 words, larger ones
    /// are read digit by digit, so this holds up to 99 999).
    static func maxNumberPrompts(position: Bool, wait: Bool) -> Int {
        (position ? 1 + SpokenNumber.maxWords : 0) + (wait ? 2 + SpokenNumber.maxWords : 0)
    }

    /// Warns when the library lacks prompts for reading numbers out, or when the announcement
    /// leaves too little room in a ``PromptList`` for them.
    private func checkNumberPrompts(_ step: QueueStep) {
        let node = context.options["announce_position"] ?? context.options["announce_wait"]
        let missing = builder.missingPrompts(FlowBuilder.announcementPrompts)
        if !missing.isEmpty, !builder.warnedAboutNumberPrompts {
            builder.warnedAboutNumberPrompts = true   // a library problem: once per flow, not once per queue
            let words = missing.contains { NumberWord.wordPromptNames.contains($0) }
                ? " (without number-10 … number-and, numbers are read digit by digit)" : ""
            reader.warning(node, "position and wait are read out with prompts the library lacks: "
                           + "\(FlowBuilder.summary(missing))\(words); add them with scripts/make-prompts or `ivr prompt record NAME`")
        }
        let room = PromptList.capacity - Self.maxNumberPrompts(position: step.announcePosition, wait: step.announceWait)
        if step.announcement.count > room, let announce = context.options["announce"] {
            reader.warning(announce, "announce lists \(step.announcement.count) prompts: with position and wait read out "
                           + "only \(room) fit in one announcement (at most \(PromptList.capacity) prompts); the rest may be cut")
        }
    }
}
