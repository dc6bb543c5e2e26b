import CallFlow
import CallQueue
import Foundation
import InPlaceTables

/// Everything a run needs that does not change during it: the scenario resolved against the
/// flow (queue names, samplers per queue, the caller's menu plans, prompt lengths).
///
/// Built once and shared by every replication.
public struct SimulationModel: Sendable {
    /// The scenario.
    public let scenario: Scenario
    /// The compiled flow, or nil when callers go straight into one queue.
    public let program: FlowProgram?
    /// Queue names in queue-manager order.
    public let queueNames: [String]
    let promptLengths: [Double]
    /// Each queue's handling time. The samplers of the draws made for every call are kept in
    /// `InPlaceTable`s (never written after `init`): a draw reads the sampler where it lies, where
    /// copying it out of an array retained and released its empirical values (nil or not).
    let handling: InPlaceTable<TimeSampler>
    /// Each queue's patience (any sampler for a queue whose callers wait for ever: see `patient`).
    let patience: InPlaceTable<TimeSampler>
    /// Whether callers of each queue give up (`patience` is set for the queue).
    let patient: [Bool]
    let menuPlans: [MenuPlan?]          // by flow step index
    let keyLatency: TimeSampler
    let messageLength: TimeSampler
    let redialAfter: TimeSampler
    let callbackHandling: TimeSampler
    let callbackAttempt: TimeSampler
    let voicemailKey: DTMFKey
    let callbackKey: DTMFKey
    /// Each queue's settings (strategy, wrap-up, callback policy, hours), by queue-manager index.
    public let queueSettings: [QueueSettings]
    /// Each queue's callback hours on the virtual clock (its own hours, else the flow's first
    /// schedule, else always open), resolved once for every replication.
    let schedules: [any OpeningSchedule]
    /// Whether each queue rings all idle members at once.
    let ringsAll: [Bool]
    /// Whether some agents let offers ring out (`no_answer`): only then is a miss drawn.
    let missesOffers: Bool
    /// What the model assumed where the scenario is silent, for the report (e.g. menus whose
    /// choices callers pick evenly because `callers.menus` gives no shares for them).
    public let assumptions: [String]

    /// The name of the single queue of a scenario without a flow.
    public static let directQueueName = "main"

    /// Resolves `scenario` against `program` (nil: direct mode). `promptLengths` gives seconds by
    /// prompt name; prompts not listed last `defaultPromptLength`. Throws when the scenario names
    /// queues, skills or menu steps the flow does not have.
    public init(scenario: Scenario, program: FlowProgram?, promptLengths lengths: [String: Double] = [:],
                defaultPromptLength: Double = 3) throws {
        self.scenario = scenario
        var problems: [(key: String, message: String)] = []
        if let program {
            queueNames = program.queueNames
            promptLengths = program.promptNames.map { lengths[$0] ?? defaultPromptLength }
            var plans = [MenuPlan?](repeating: nil, count: program.stepNames.count)
            var notes: [String] = []
            for (step, choices) in scenario.callers.menuChoices.sorted(by: { $0.key < $1.key }) {
                guard let i = program.stepIndex(named: step) else {
                    problems.append(("callers.menus.\(step)", "callers.menus: the flow has no step '\(step)' (steps: \(FlowStepKeys.summary(program.stepNames)))"))
                    continue
                }
                problems += FlowStepKeys.problems(step: step, index: i, keys: choices.map(\.keys), program: program)
                if let note = FlowStepKeys.scaledNote(step: step, choices) { notes.append(note) }
                plans[i] = MenuPlan(choices)
            }
            // A menu the scenario gives no shares for: callers pick its choices evenly (rather
            // than never pressing and running its timeouts, which no trainer means by leaving it out).
            for step in plans.indices where plans[step] == nil {
                guard let keys = program.menuChoiceKeys(ofStep: step), !keys.isEmpty else { continue }
                plans[step] = MenuPlan(keys.map { (keys: $0, share: 1.0) })
                notes.append("callers at menu '\(program.stepNames[step])' pick \(keys.joined(separator: ", ")) evenly (no shares under callers.menus)")
            }
            assumptions = notes
            menuPlans = plans
        } else {
            queueNames = [scenario.queues.count == 1 ? scenario.queues.keys.first! : Self.directQueueName]
            self.promptLengths = []
            menuPlans = []
            assumptions = []
        }
        let known = program == nil
            ? "a scenario without 'flow:' has exactly one queue, named '\(queueNames[0])'"
                + (queueNames[0] == Self.directQueueName ? "" : " (the one name under 'queues:')")
            : "queues of the flow: \(queueNames.joined(separator: ", "))"
        for name in scenario.queues.keys.sorted() where !queueNames.contains(name) {
            problems.append(("queues.\(name)", "queues.\(name): there is no such queue (\(known))"))
        }
        for group in scenario.agents {
            for q in group.skills.keys.sorted() where !queueNames.contains(q) {
                problems.append(("agents.\(group.name).skills.\(q)", "agents '\(group.name)': skill '\(q)' names no queue (\(known))"))
            }
        }
        if !problems.isEmpty {
            let file = scenario.file ?? scenario.name
            throw ScenarioErrors(errors: problems.map {
                let mark = scenario.marks[$0.key]
                return ScenarioError(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0, message: $0.message)
            }.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
        }
        // Each queue's settings as `ivr queue set` names them: the simulator's defaults (skills
        // when some agent has a level above 1, the scenario's wrap-up) under what the scenario's
        // `queues:` says.
        let usesLevels = scenario.agents.contains { $0.skills.values.contains { $0 > 1 } }
        queueSettings = queueNames.map { name in
            var settings = QueueSettings(name: name)
            settings.strategy = usesLevels ? .skills : .longestIdle
            settings.wrapUp = scenario.wrapUp
            settings.timeZone = scenario.timeZone.identifier
            settings.hours = "always"
            scenario.queues[name]?.apply(to: &settings)
            return settings
        }
        ringsAll = queueSettings.map { $0.strategy == .ringAll }
        missesOffers = scenario.agents.contains { $0.noAnswer > 0 }
        // The flow's queue steps take what they do not state (max wait, announcements) from these
        // settings, by the rule `ivr serve` and `ivr call` use (FlowProgram.applyingQueueSettings).
        let settings = queueSettings
        self.program = program?.applyingQueueSettings(settings.map { $0.queueConfig(schedule: AlwaysOpen()) })
        // Callback hours: the queue's own (`hours`, `time_zone`, `holidays`) when the scenario
        // names them, else the flow's hours (its first schedule, holidays included), else always open.
        let origin = scenario.startDate.timeIntervalSince1970, horizon = scenario.duration + 60 * 86_400
        let flowSchedule: (any OpeningSchedule)? = program?.schedules.first.map {
            HoursSchedule(hours: $0, origin: origin, horizon: horizon)
        }
        schedules = queueSettings.map { settings in
            let closed = (try? WeeklyHoursText.holidays(settings.holidays)) ?? []
            let flow = program?.schedules.first
            if scenario.queues[settings.name]?.hours != nil || (flow == nil && !closed.isEmpty) {
                guard let zone = TimeZone(identifier: settings.timeZone),
                      let hours = try? WeeklyHoursText.businessHours(settings.hours, timeZone: zone, holidays: closed) else {
                    return AlwaysOpen()       // the loader has reported unreadable hours already
                }
                return HoursSchedule(hours: hours, origin: origin, horizon: horizon)
            }
            guard let flow, let shared = flowSchedule else { return AlwaysOpen() }
            if closed.isEmpty { return shared }
            // Holidays alone: the flow's hours, closed on those days too.
            let hours = BusinessHours(timeZone: flow.timeZone, weekly: flow.weekly, holidays: flow.holidays.union(closed),
                                      overrides: flow.overrides)
            return HoursSchedule(hours: hours, origin: origin, horizon: horizon)
        }
        let patienceSamplers = queueNames.map { scenario.patience(forQueue: $0)?.sampler() }
        handling = InPlaceTable(queueNames.map { scenario.handling(forQueue: $0).sampler() })
        patience = InPlaceTable(patienceSamplers.map { $0 ?? TimeSampler(.fixed(.infinity)) })
        patient = patienceSamplers.map { $0 != nil }
        keyLatency = scenario.callers.keyLatency.sampler()
        messageLength = scenario.callers.messageLength.sampler()
        redialAfter = scenario.callers.redialAfter.sampler()
        callbackHandling = scenario.callbacks.handling.sampler()
        callbackAttempt = scenario.callbacks.attemptTime.sampler()
        voicemailKey = DTMFKey(scenario.callers.voicemailKey) ?? .one
        callbackKey = DTMFKey(scenario.callers.callbackKey) ?? .two
    }

    /// Whether callers go straight into one queue.
    public var isDirect: Bool { program == nil }
}

/// A caller's choice at one menu: keys with cumulative shares.
struct MenuPlan: Sendable {
    let keys: [[DTMFKey]]
    let cumulative: [Double]

    init(_ choices: [(keys: String, share: Double)]) {
        let sorted = choices.sorted { $0.keys < $1.keys }            // dictionary order must not matter
        keys = sorted.map { $0.keys.compactMap { DTMFKey($0) } }
        let total = sorted.reduce(0) { $0 + $1.share }
        var running = 0.0
        cumulative = sorted.map { running += $0.share / total; return running }
    }

    /// The keys of a choice drawn by share.
    func pick(_ u: Double) -> [DTMFKey] {
        for (i, c) in cumulative.enumerated() where u < c { return keys[i] }
        return keys.last ?? []
    }
}
