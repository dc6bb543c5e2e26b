import CallQueue

/// The one rule between a queue's own settings and a flow's `queue` step, for every driver.
///
/// A queue's settings (`ivr queue set NAME --max-wait 30s --announce-frequency 45s`, a
/// scenario's `queues:`) are the defaults; a `queue` step overrides only what it states itself
/// (`max_wait`, `announce_every`, `announce_first`). That is Asterisk's order (the `Queue()`
/// application's arguments over `queues.conf`, `timeoutpriority = app`) and Amazon Connect's
/// (the flow's blocks over the queue's defaults). A step that states nothing takes the queue's
/// max wait, its announcement frequency, and that frequency for the first announcement too.
extension FlowProgram {
    /// This program with every `queue` step's unstated timings taken from its queue's
    /// configuration: `config(queueName)`, built by ``QueueSettings/queueConfig(schedule:seed:)``
    /// (the one translation of settings); nil means a queue nobody configured
    /// (`QueueSettings(name:)` defaults: no max wait, announcements every 60 s).
    /// Returns `self` when nothing changes. Drivers call it when a call starts (`ivr serve`:
    /// with the settings in force then), so the interpreter itself stays free of settings.
    public func applyingQueueSettings(_ config: (String) -> QueueConfig?) -> FlowProgram {
        var steps = queues
        var changed = false
        for i in steps.indices {
            let name = queueNames[steps[i].queue]
            let queue = config(name) ?? QueueSettings(name: name).queueConfig(schedule: AlwaysOpen())
            var step = steps[i]
            if !step.states.maxWait { step.maxWait = queue.maxWait ?? 0 }
            if !step.states.announceEvery { step.announceEvery = queue.announceFrequency }
            if !step.states.announceFirst { step.announceFirst = step.announceEvery }
            if step.maxWait != steps[i].maxWait || step.announceEvery != steps[i].announceEvery
                || step.announceFirst != steps[i].announceFirst {
                steps[i] = step
                changed = true
            }
        }
        guard changed else { return self }
        var parts = self.parts
        parts.queues = steps
        return FlowProgram(parts)
    }

    /// This program with the queues' configurations `configs` applied (matched by name; queues
    /// not listed keep the defaults), by the same rule.
    public func applyingQueueSettings(_ configs: [QueueConfig]) -> FlowProgram {
        let byName = Dictionary(configs.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        return applyingQueueSettings { byName[$0] }
    }

    /// The queue step's effective timings: max wait (0 = none), first announcement, then every
    /// (0 = none), for `ivr flow` and tests; nil when `step` is not a queue step.
    public func queueTimings(ofStep step: Int) -> (maxWait: Double, announceFirst: Double, announceEvery: Double)? {
        guard steps.indices.contains(step), case .queue(let q) = steps[step] else { return nil }
        return (queues[q].maxWait, queues[q].announceFirst, queues[q].announceEvery)
    }

    /// The parts this program was built from.
    var parts: Parts {
        var p = Parts()
        p.name = name; p.stepNames = stepNames; p.start = start; p.promptNames = promptNames
        p.queueNames = queueNames; p.mailboxNames = mailboxNames; p.musicNames = musicNames
        p.variableNames = variableNames; p.values = values; p.schedules = schedules
        p.scheduleNames = scheduleNames; p.steps = steps; p.menus = menus; p.queues = queues
        p.voicemails = voicemails; p.callbacks = callbacks; p.choices = choices
        p.assignments = assignments; p.initialVariables = initialVariables
        return p
    }
}
