import Foundation

/// Erlang A: the M/M/c+M queue, where each waiting caller abandons after an exponential patience.
///
/// Solved exactly from the birth–death chain: state n = callers in the system, birth rate λ,
/// death rate min(n, c)·μ + max(n − c, 0)·θ. The stationary weights are built in log space
/// (stable for hundreds of agents) and the chain is cut where the tail falls below 1e-22
/// of its peak. An arrival sees the stationary state (PASTA). A caller who finds k others
/// queued ahead leaves level j (j ahead) at rate ν_j = cμ + (j + 1)θ, moving on with
/// probability (cμ + jθ)/ν_j, so P(served | k) = cμ / (cμ + (k + 1)θ) and, given served,
/// the wait is a sum of independent Exp(ν_j), j = 0…k. Service level within t uses
/// uniformization of that tagged-caller chain.
public enum ErlangA {
    /// All figures of `model` with exponential patience of mean `meanPatience` seconds.
    public static func figures(_ model: QueueModel, meanPatience: Double) -> QueueFigures? {
        guard model.meanHandling > 0, model.arrivalRate > 0, model.agents > 0 else { return nil }
        guard meanPatience.isFinite, meanPatience > 0 else { return ErlangC.figures(model) }
        let chain = Chain(model: model, theta: 1 / meanPatience)
        let pi = chain.stationary()
        let c = model.agents
        let pNoWait = pi[0..<min(c, pi.count)].reduce(0, +)
        let cmu = Double(c) * chain.mu
        var pServedAfterWait = 0.0, waitServed = 0.0, sojourn = 0.0
        for k in 0..<max(0, pi.count - c) {
            sojourn += 1 / (cmu + Double(k + 1) * chain.theta)
            let served = pi[c + k] * cmu / (cmu + Double(k + 1) * chain.theta)
            pServedAfterWait += served
            waitServed += served * sojourn
        }
        let pServed = pNoWait + pServedAfterWait
        var busy = 0.0
        for (n, p) in pi.enumerated() { busy += Double(min(n, c)) * p }
        let withinTarget = pNoWait + chain.servedWithin(model.target, queued: Array(pi.dropFirst(c)))
        return QueueFigures(offeredLoad: model.offeredLoad, agents: c,
                            probabilityOfWaiting: 1 - pNoWait,
                            serviceLevel: withinTarget,
                            averageSpeedOfAnswer: pServed > 0 ? waitServed / pServed : 0,
                            abandonRate: max(0, 1 - pServed),
                            occupancy: busy / Double(c))
    }

    /// The birth–death chain of M/M/c+M.
    struct Chain {
        let lambda: Double, mu: Double, theta: Double, agents: Int

        init(model: QueueModel, theta: Double) {
            lambda = model.arrivalRate
            mu = 1 / model.meanHandling
            self.theta = theta
            agents = model.agents
        }

        /// Stationary probabilities π_0…π_N, normalised, N where the tail is negligible.
        func stationary() -> [Double] {
            let load = lambda / mu, cmu = Double(agents) * mu
            var logWeights: [Double] = []
            logWeights.reserveCapacity(agents * 2 + 64)
            var current = 0.0, peak = 0.0
            var n = 0
            while true {
                logWeights.append(current)
                peak = max(peak, current)
                if n > agents, current < peak - 50, n > ScenarioLimits.clampedInt(load) { break }
                if n > agents + 10_000_000 { break }
                n += 1
                current += n <= agents ? log(load / Double(n))
                                       : log(lambda / (cmu + Double(n - agents) * theta))
            }
            let total = logWeights.reduce(0.0) { $0 + exp($1 - peak) }
            return logWeights.map { exp($0 - peak) / total }
        }

        /// P(served within t) summed over callers who queue, `queued[k]` = P(arrival finds k ahead).
        func servedWithin(_ t: Double, queued: [Double]) -> Double {
            guard !queued.isEmpty, t > 0 else { return 0 }
            let cmu = Double(agents) * mu
            let top = queued.count - 1
            let uniform = cmu + Double(top + 1) * theta          // the largest exit rate
            var mass = queued, served = 0.0, result = 0.0
            let lt = uniform * t
            let steps = ScenarioLimits.clampedInt(lt + 12 * lt.squareRoot() + 30)
            var cumulative = 0.0
            for step in 0...steps {
                let weight = exp(-lt + Double(step) * log(lt) - lgamma(Double(step) + 1))
                result += weight * served
                cumulative += weight
                if cumulative > 1 - 1e-14 { break }
                served += mass[0] * cmu / uniform
                var left = 0.0
                for j in 0...top {
                    let stay = 1 - (cmu + Double(j + 1) * theta) / uniform
                    var next = mass[j] * stay
                    if j < top { next += mass[j + 1] * (cmu + Double(j + 1) * theta) / uniform }
                    mass[j] = next
                    left += next
                }
                // Every tagged caller has been answered or has left: later steps add nothing
                // (1e-30 is below the last digit of any probability reported).
                if left < 1e-30 { break }
            }
            // Served probability is monotone in time: the remaining Poisson tail sees at least `served`.
            return result + (1 - cumulative) * served
        }
    }
}
