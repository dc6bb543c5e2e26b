/// Finds the fewest agents that meet a service-level goal, with Erlang C or Erlang A.
public enum Staffing {
    /// The answer of a staffing search: agents needed and the figures they give.
    public struct Result: Sendable, Equatable {
        /// Fewest agents meeting the goal.
        public var agents: Int
        /// The figures with that many agents.
        public var figures: QueueFigures
    }

    /// Fewest agents with service level ≥ `serviceLevel` for `model` (its `agents` is ignored).
    ///
    /// Service level rises with each agent added, so the first one found is the answer.
    /// Erlang C starts just above the offered load (fewer would be unstable); Erlang A
    /// starts at one agent, since abandonment keeps any staffing stable; the search doubles,
    /// then bisects. Nil if none up to `limit`.
    public static func agentsNeeded(_ model: QueueModel, serviceLevel: Double, limit: Int = 100_000) -> Result? {
        var trial = model
        func meets(_ c: Int) -> QueueFigures? {
            trial.agents = c
            guard let f = trial.figures(), f.serviceLevel >= serviceLevel else { return nil }
            return f
        }
        let start = model.meanPatience == nil ? Int(model.offeredLoad.rounded(.down)) + 1 : 1
        var low = max(1, start) - 1           // known (or assumed) not to meet the goal
        var high = max(1, start)
        while meets(high) == nil {            // double until the goal is met
            low = high
            high *= 2
            if high > limit { return nil }
        }
        while high - low > 1 {                // then bisect: the first c that meets it
            let mid = (low + high) / 2
            if meets(mid) != nil { high = mid } else { low = mid }
        }
        guard let figures = meets(high) else { return nil }
        return Result(agents: high, figures: figures)
    }
}
