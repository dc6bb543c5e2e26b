import Foundation

/// Erlang C: the M/M/c queue where nobody abandons.
///
/// The probability of waiting comes from the Erlang B recurrence
/// B(0) = 1, B(k) = A·B(k-1) / (k + A·B(k-1)), then C = c·B / (c − A(1 − B)).
/// Every step stays in [0, 1], so it is exact and stable for thousands of agents.
public enum ErlangC {
    /// Erlang B blocking probability for `agents` servers and `load` Erlangs.
    public static func blocking(agents: Int, load: Double) -> Double {
        var b = 1.0
        if agents > 0 {
            for k in 1...agents { b = load * b / (Double(k) + load * b) }
        }
        return b
    }

    /// Probability that a caller waits; 1 when the load reaches the number of agents.
    public static func probabilityOfWaiting(agents: Int, load: Double) -> Double {
        let c = Double(agents)
        guard load < c else { return 1 }
        let b = blocking(agents: agents, load: load)
        return c * b / (c - load * (1 - b))
    }

    /// All figures of `model` (patience ignored); nil when load ≥ agents (the queue grows forever).
    public static func figures(_ model: QueueModel) -> QueueFigures? {
        let a = model.offeredLoad, c = Double(model.agents)
        guard a < c, model.meanHandling > 0 else { return nil }
        let pw = probabilityOfWaiting(agents: model.agents, load: a)
        let sl = 1 - pw * exp(-(c - a) * model.target / model.meanHandling)
        let asa = pw * model.meanHandling / (c - a)
        return QueueFigures(offeredLoad: a, agents: model.agents, probabilityOfWaiting: pw,
                            serviceLevel: sl, averageSpeedOfAnswer: asa, abandonRate: 0, occupancy: a / c)
    }
}
