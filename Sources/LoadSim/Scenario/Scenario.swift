import CallQueue
import Foundation

/// A load scenario: who calls, when, how long they talk and wait, and who answers.
///
/// Read from YAML by `ScenarioLoader`; every duration is in seconds here.
public struct Scenario: Sendable {
    /// A label for reports.
    public var name: String = "scenario"
    /// Arrivals happen in [0, duration) seconds; calls in progress at the end are followed to their end.
    public var duration: Double = 86_400
    /// Seed of replication 1 (replication i uses an independent stream derived from it).
    public var seed: UInt64 = 1
    /// Service-level threshold in seconds.
    public var targetAnswer: Double = 20
    /// Service-level goal shown beside results (e.g. 0.8 for 80/20).
    public var serviceLevelGoal: Double = 0.8
    /// Width of the per-interval table, seconds (900, 1800 or 3600).
    public var interval: Double = 1800
    /// Local date and time at simulated t = 0, in `timeZone`.
    public var start: DateComponents = Scenario.defaultStart
    /// Time zone of `start` (and of the hourly patterns' clock).
    public var timeZone: TimeZone = TimeZone(identifier: "UTC")!
    /// When calls arrive.
    public var arrivals: ArrivalPattern = .constant(perHour: 60)
    /// Talk time of a call (per queue in `queues` when given there).
    public var handling: TimeDistribution = .exponential(mean: 180)
    /// After-call work once the caller hangs up, seconds (the queue manager's fixed wrap-up).
    public var wrapUp: Double = 0
    /// How long a caller waits in a queue before hanging up; nil: nobody abandons.
    public var patience: TimeDistribution?
    /// Per-queue handling and patience overrides, by queue name.
    public var queues: [String: QueueOverrides] = [:]
    /// The agents: groups with skills and head-counts over the day.
    public var agents: [AgentGroup] = [AgentGroup(name: "agents", skills: [:], staffing: .count(10))]
    /// Path of a call flow (resolved against the scenario's folder); nil: straight into one queue.
    public var flowPath: String?
    /// Folder of the flow's prompt WAV files (nil: `prompts/` beside or above the flow's folder).
    public var promptsPath: String?
    /// How simulated callers behave inside a flow.
    public var callers = CallerBehaviour()
    /// How agents work callbacks.
    public var callbacks = CallbackWork()

    /// The file it was read from (nil when built in code); names it in errors found later.
    public var file: String?
    /// Where keys checked after parsing were written (`queues.NAME`, `agents.GROUP.skills.QUEUE`,
    /// `callers.menus.STEP`), for located errors from `SimulationModel`.
    public var marks: [String: SourceMark] = [:]

    /// Monday 23 November 2026, 00:00.
    public static let defaultStart = DateComponents(year: 2026, month: 11, day: 23, hour: 0, minute: 0)

    /// An empty scenario with the defaults above.
    public init() {}

    /// The absolute instant of simulated t = 0.
    public var startDate: Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: start) ?? Date(timeIntervalSince1970: 0)
    }

    /// Seconds after local midnight at t = 0 (for hourly patterns and shifts).
    public var startSecondOfDay: Double {
        Double((start.hour ?? 0) * 3600 + (start.minute ?? 0) * 60 + (start.second ?? 0))
    }

    /// Weekday of the start, Monday = 0 … Sunday = 6.
    public var startWeekday: Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let w = calendar.component(.weekday, from: startDate)   // Sunday = 1
        return (w + 5) % 7
    }

    /// Handling time for calls answered from `queue`.
    public func handling(forQueue queue: String) -> TimeDistribution {
        queues[queue]?.handling ?? handling
    }

    /// Patience of callers waiting in `queue`.
    public func patience(forQueue queue: String) -> TimeDistribution? {
        queues[queue]?.patience ?? patience
    }
}

/// Poisson arrival rates.
public enum ArrivalPattern: Sendable, Equatable {
    /// The same rate all the time.
    case constant(perHour: Double)
    /// 24 hourly rates (00:00-01:00 first) repeating daily, each scaled by the day's weekday factor.
    case hourly(perHour: [Double], weekdayFactors: [Double])

    /// Whether the rate never changes (what Erlang C and A assume).
    public var isStationary: Bool {
        if case .constant = self { return true }
        return false
    }
}

/// Handling and patience for one queue (nil: the scenario's).
public struct QueueOverrides: Sendable, Equatable {
    /// Talk time for this queue's calls.
    public var handling: TimeDistribution?
    /// Patience of this queue's callers.
    public var patience: TimeDistribution?
    /// Routing strategy (default: `skills` when some agent has a level above 1, else `longest-idle`).
    public var strategy: RoutingStrategy?
    /// Wrap-up seconds (default: the scenario's `wrap_up`).
    public var wrapUp: Double?
    /// Queue settings as `ivr queue set` names them (see `QueueSettings`); nil = default.
    public var maxWait: Double?, announceFrequency: Double?, ringTimeout: Double?, levelWidening: Double?
    /// Callback policy settings; nil = default.
    public var callbackInitialDelay: Double?, callbackRetryDelay: Double?, callbackReservationTimeout: Double?
    /// Callback attempts; nil = default.
    public var callbackMaxAttempts: Int?
    /// Asterisk `joinempty` / `leavewhenempty` words; nil = default.
    public var joinEmpty: String?, leaveWhenEmpty: String?
    /// Opening hours text for callbacks (default: the flow's hours), its time zone (default: the scenario's).
    public var hours: String?, timeZone: String?
    /// Closed days, ISO dates.
    public var holidays: [String]?
    /// Creates overrides.
    public init(handling: TimeDistribution? = nil, patience: TimeDistribution? = nil) {
        self.handling = handling
        self.patience = patience
    }
}

/// A group of agents sharing skills and a staffing plan.
public struct AgentGroup: Sendable, Equatable {
    /// Label and id prefix (`orders-1`, `orders-2`, …).
    public var name: String
    /// Queue name → skill level (1 = first choice); empty: every queue at level 1.
    public var skills: [String: Int]
    /// How many of them are logged in over the day.
    public var staffing: HeadCount
    /// Weekdays worked (Monday = 0); nil: every day.
    public var days: Set<Int>?

    /// Creates a group.
    public init(name: String, skills: [String: Int], staffing: HeadCount, days: Set<Int>? = nil) {
        self.name = name
        self.skills = skills
        self.staffing = staffing
        self.days = days
    }

    /// A head-count that is fixed or follows a daily schedule.
    public enum HeadCount: Sendable, Equatable {
        /// Always this many.
        case count(Int)
        /// `(start hour, head-count)` steps, repeating daily; before the first step the last one applies.
        case schedule([ShiftStep])
    }
}

/// From `hour` (may be fractional, e.g. 8.5) on, `count` agents are scheduled.
public struct ShiftStep: Sendable, Equatable {
    /// Local hour of day, 0 ≤ hour < 24.
    public var hour: Double
    /// Head-count from then on.
    public var count: Int
    /// Creates a step.
    public init(hour: Double, count: Int) {
        self.hour = hour
        self.count = count
    }
}

/// How simulated callers act inside a flow.
public struct CallerBehaviour: Sendable, Equatable {
    /// Time from a prompt starting (or a key) to the caller's next key.
    public var keyLatency: TimeDistribution = .uniform(min: 1, max: 4)
    /// Menu step name → (keys, share) choices; shares are normalised. Steps not listed: keys spread evenly.
    public var menuChoices: [String: [(keys: String, share: Double)]] = [:]
    /// Chance a caller presses a menu key at all (otherwise the menu's timeouts run).
    public var answersMenus: Double = 0.97
    /// The key that leaves a queue for voicemail (the store's flow: 1).
    public var voicemailKey: Character = "1"
    /// The key that leaves a queue for a callback (the store's flow: 2).
    public var callbackKey: Character = "2"
    /// Chance a holding caller takes voicemail when it is offered.
    public var voicemailWhenOffered: Double = 0.1
    /// Chance a holding caller asks for a callback when it is offered.
    public var callbackWhenOffered: Double = 0.2
    /// Length of a voicemail message the caller leaves.
    public var messageLength: TimeDistribution = .uniform(min: 15, max: 60)
    /// Chance a caller who abandoned calls again.
    public var redialProbability: Double = 0
    /// Delay before that redial.
    public var redialAfter: TimeDistribution = .exponential(mean: 600)

    /// Defaults: keys after 1-4 s, most callers answer menus.
    public init() {}

    /// Equality by value (menu choices compared pairwise).
    public static func == (a: CallerBehaviour, b: CallerBehaviour) -> Bool {
        a.keyLatency == b.keyLatency && a.answersMenus == b.answersMenus
            && a.voicemailWhenOffered == b.voicemailWhenOffered && a.callbackWhenOffered == b.callbackWhenOffered
            && a.messageLength == b.messageLength && a.redialProbability == b.redialProbability
            && a.redialAfter == b.redialAfter && a.voicemailKey == b.voicemailKey && a.callbackKey == b.callbackKey
            && a.menuChoices.mapValues { $0.map(\.keys) } == b.menuChoices.mapValues { $0.map(\.keys) }
            && a.menuChoices.mapValues { $0.map(\.share) } == b.menuChoices.mapValues { $0.map(\.share) }
    }
}

/// How agents work callbacks.
public struct CallbackWork: Sendable, Equatable {
    /// Talk time when the customer is reached.
    public var handling: TimeDistribution = .exponential(mean: 240)
    /// Time an unanswered attempt takes (dialling, ringing out).
    public var attemptTime: TimeDistribution = .fixed(30)
    /// Chance one attempt reaches the customer.
    public var reachRate: Double = 0.7
    /// Defaults: 4-minute calls, 70 % reached per attempt.
    public init() {}
}

/// A 1-based line and column in a scenario file.
public struct SourceMark: Sendable, Equatable {
    /// 1-based line.
    public var line: Int
    /// 1-based column.
    public var column: Int
    /// A mark.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}
