/// The steady-state figures of a queue model, in the same units the simulator reports.
public struct QueueFigures: Sendable, Equatable, Codable {
    /// Offered load in Erlangs (arrival rate × mean handling time).
    public var offeredLoad: Double
    /// Number of agents.
    public var agents: Int
    /// Probability that an arriving caller has to wait (all agents busy).
    public var probabilityOfWaiting: Double
    /// Calls answered within the target / calls offered (abandoned calls are misses).
    public var serviceLevel: Double
    /// Mean wait of answered calls in seconds, zero waits included.
    public var averageSpeedOfAnswer: Double
    /// Abandoned / offered (0 for Erlang C).
    public var abandonRate: Double
    /// Mean busy agents / agents.
    public var occupancy: Double

    enum CodingKeys: String, CodingKey {
        case offeredLoad = "offered_erlangs", agents
        case probabilityOfWaiting = "p_wait", serviceLevel = "service_level"
        case averageSpeedOfAnswer = "asa_s", abandonRate = "abandon_rate", occupancy
    }
}

/// The inputs shared by Erlang C and Erlang A.
public struct QueueModel: Sendable, Equatable {
    /// Calls per second.
    public var arrivalRate: Double
    /// Mean handling time in seconds (exponential).
    public var meanHandling: Double
    /// Number of agents.
    public var agents: Int
    /// Service-level threshold in seconds.
    public var target: Double
    /// Mean patience in seconds (exponential); nil means nobody abandons (Erlang C).
    public var meanPatience: Double?

    /// A model; rates per second, times in seconds.
    public init(arrivalRate: Double, meanHandling: Double, agents: Int, target: Double, meanPatience: Double? = nil) {
        self.arrivalRate = arrivalRate
        self.meanHandling = meanHandling
        self.agents = agents
        self.target = target
        self.meanPatience = meanPatience
    }

    /// Offered load in Erlangs.
    public var offeredLoad: Double { arrivalRate * meanHandling }

    /// Erlang A when a patience is given, Erlang C otherwise (nil when Erlang C is unstable).
    public func figures() -> QueueFigures? {
        if let meanPatience { return ErlangA.figures(self, meanPatience: meanPatience) }
        return ErlangC.figures(self)
    }
}
