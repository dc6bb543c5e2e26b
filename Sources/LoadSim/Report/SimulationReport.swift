/// The results of `ivr simulate`: summary, per queue, per interval, analytic figures and,
/// with replications, 95 % confidence intervals. Encodes to the documented JSON.
///
/// With several replications, counts are means per replication and rates are pooled
/// (e.g. service level = Σ answered within target / Σ offered); the confidence intervals
/// come from the spread of the per-replication values.
public struct SimulationReport: Sendable, Codable {
    /// Scenario name.
    public var scenario: String
    /// Seed of the first replication.
    public var seed: UInt64
    /// Independent replications run.
    public var replications: Int
    /// Arrival window, seconds.
    public var durationSeconds: Double
    /// Local start as `YYYY-MM-DD HH:MM` with the time-zone name.
    public var start: String
    /// Service-level threshold, seconds.
    public var targetSeconds: Double
    /// Service-level goal (for charts and verdicts).
    public var serviceLevelGoal: Double
    /// Report interval width, seconds.
    public var intervalSeconds: Double
    /// Calls that arrived (mean per replication).
    public var calls: Double
    /// Of them, redials.
    public var redials: Double
    /// Calls that ended in the flow without reaching a queue.
    public var endedInFlow: Double
    /// Calls still in progress when the run ended (waiting with no agent left and no patience).
    public var unfinished: Double
    /// Callers who entered a queue.
    public var offered: Double
    /// Answered by an agent.
    public var answered: Double
    /// Hung up while waiting.
    public var abandoned: Double
    /// Left a queue by a key or at its maximum wait.
    public var leftQueue: Double
    /// Answered within target / offered (nil, `null` in JSON, when nothing was offered).
    @NullWhenAbsent public var serviceLevel: Double?
    /// Mean wait of answered calls (zero waits included), seconds.
    public var asaSeconds: Double
    /// Abandoned / offered (nil, `null` in JSON, when nothing was offered).
    @NullWhenAbsent public var abandonRate: Double?
    /// 90th percentile wait of callers leaving a queue, seconds.
    public var waitP90Seconds: Double
    /// 99th percentile wait, seconds.
    public var waitP99Seconds: Double
    /// Longest wait, seconds.
    public var waitMaxSeconds: Double
    /// Busy agent time / staffed agent time inside [0, duration) (staffed: scheduled, plus agents
    /// past their shift still finishing a call or its wrap-up).
    public var occupancy: Double
    /// Voicemail messages left.
    public var voicemails: Double
    /// Callback requests created.
    public var callbacksRequested: Double
    /// Callback attempts by agents.
    public var callbacksAttempted: Double
    /// Callbacks that reached the customer.
    public var callbacksCompleted: Double
    /// Wall-clock seconds the run took (absent with --no-timing).
    public var wallSeconds: Double?
    /// Simulated calls per wall-clock second (absent with --no-timing).
    public var callsPerSecond: Double?
    /// CPU seconds the run took (absent with --no-timing).
    public var cpuSeconds: Double?
    /// Simulated calls per CPU second (absent with --no-timing): the speed figure on a shared machine.
    public var callsPerCPUSecond: Double?
    /// 95 % confidence intervals (replications ≥ 2).
    public var confidence: Confidence?
    /// Erlang C and A for stationary scenarios (constant rate, fixed head-count, one queue).
    public var analytic: Analytic?
    /// One entry per queue.
    public var queues: [QueueRow]
    /// One entry per interval.
    public var intervals: [IntervalRow]
    /// Per agent: calls handled, talk time, occupancy (means over replications).
    public var agents: [AgentRow] = []
    /// What the model assumed where the scenario is silent (empty when nothing was assumed).
    public var assumptions: [String] = []

    enum CodingKeys: String, CodingKey {
        case scenario, seed, replications, durationSeconds = "duration_s", start, targetSeconds = "target_s"
        case serviceLevelGoal = "service_level_goal", intervalSeconds = "interval_s"
        case calls, redials, endedInFlow = "ended_in_flow", unfinished, offered, answered, abandoned, leftQueue = "left_queue"
        case serviceLevel = "service_level", asaSeconds = "asa_s", abandonRate = "abandon_rate"
        case waitP90Seconds = "wait_p90_s", waitP99Seconds = "wait_p99_s", waitMaxSeconds = "wait_max_s", occupancy
        case voicemails, callbacksRequested = "callbacks_requested", callbacksAttempted = "callbacks_attempted"
        case callbacksCompleted = "callbacks_completed", wallSeconds = "wall_s", callsPerSecond = "calls_per_s"
        case cpuSeconds = "cpu_s", callsPerCPUSecond = "calls_per_cpu_s"
        case confidence, analytic, queues, agents, intervals, assumptions
    }

    /// Figures for one agent (means over replications; agents are the same in every one).
    public struct AgentRow: Sendable, Codable {
        /// Agent id: group name and number, e.g. `team-3`.
        public var id: String
        /// The agent's group.
        public var group: String
        /// Live calls answered.
        public var calls: Double
        /// Callback attempts made.
        public var callbacks: Double
        /// Seconds talking to live callers.
        public var talkSeconds: Double
        /// Seconds staffed (on shift, or finishing a call past it) inside the run.
        public var staffedSeconds: Double
        /// Busy (ringing, talking, wrap-up, callbacks) over staffed time; 0 when never staffed.
        public var occupancy: Double
        enum CodingKeys: String, CodingKey {
            case id, group, calls, callbacks, talkSeconds = "talk_s", staffedSeconds = "staffed_s", occupancy
        }
    }

    /// Mean and 95 % half-width of the main figures across replications.
    public struct Confidence: Sendable, Codable {
        /// Service level.
        public var serviceLevel: Interval
        /// ASA, seconds.
        public var asaSeconds: Interval
        /// Abandon rate.
        public var abandonRate: Interval
        /// Occupancy.
        public var occupancy: Interval
        enum CodingKeys: String, CodingKey {
            case serviceLevel = "service_level", asaSeconds = "asa_s", abandonRate = "abandon_rate", occupancy
        }
    }

    /// A mean with its 95 % confidence interval [low, high].
    public struct Interval: Sendable, Codable, Equatable {
        /// Mean of the replications.
        public var mean: Double
        /// Lower bound.
        public var low: Double
        /// Upper bound.
        public var high: Double
        /// Whether `value` lies inside [low, high].
        public func contains(_ value: Double) -> Bool { value >= low && value <= high }
    }

    /// Analytic figures for the scenario's stationary model.
    public struct Analytic: Sendable, Codable {
        /// Erlang C (nil when the load reaches the agents).
        public var erlangC: QueueFigures?
        /// Erlang A (only when the scenario has patience).
        public var erlangA: QueueFigures?
        /// True when handling and patience are exponential, so the figures are exact for the model.
        public var exact: Bool
        enum CodingKeys: String, CodingKey { case erlangC = "erlang_c", erlangA = "erlang_a", exact }
    }

    /// Figures for one queue.
    public struct QueueRow: Sendable, Codable {
        /// Queue name.
        public var name: String
        /// Counts and rates as in the summary.
        public var offered: Double, answered: Double, abandoned: Double, leftQueue: Double
        /// Answered within target / offered (nil, `null` in JSON, with no calls offered).
        @NullWhenAbsent public var serviceLevel: Double?
        /// Mean wait of answered calls.
        public var asaSeconds: Double
        /// Abandoned / offered (nil, `null` in JSON, with no calls offered).
        @NullWhenAbsent public var abandonRate: Double?
        /// 90th percentile and longest wait.
        public var waitP90Seconds: Double, waitMaxSeconds: Double
        /// Mean talk + wrap-up of answered calls.
        public var ahtSeconds: Double
        enum CodingKeys: String, CodingKey {
            case name, offered, answered, abandoned, leftQueue = "left_queue", serviceLevel = "service_level"
            case asaSeconds = "asa_s", abandonRate = "abandon_rate", waitP90Seconds = "wait_p90_s"
            case waitMaxSeconds = "wait_max_s", ahtSeconds = "aht_s"
        }
    }

    /// Figures for one report interval (calls counted in the interval they arrived or joined).
    public struct IntervalRow: Sendable, Codable {
        /// Seconds from the start of the run.
        public var startSeconds: Double
        /// Local label, e.g. `Mon 23 Nov 09:00`.
        public var label: String
        /// Calls arriving.
        public var calls: Double
        /// Callers joining a queue, answered, abandoned.
        public var offered: Double, answered: Double, abandoned: Double
        /// Answered within target / offered (nil with no calls offered).
        public var serviceLevel: Double?
        /// Mean wait of answered calls.
        public var asaSeconds: Double
        /// Mean scheduled agents.
        public var agents: Double
        /// Busy / staffed agent time (nil with nobody staffed).
        public var occupancy: Double?
        /// Mean and peak callers waiting.
        public var waitingMean: Double, waitingMax: Double
        enum CodingKeys: String, CodingKey {
            case startSeconds = "start_s", label, calls, offered, answered, abandoned
            case serviceLevel = "service_level", asaSeconds = "asa_s", agents, occupancy
            case waitingMean = "waiting_mean", waitingMax = "waiting_max"
        }
    }
}
