import ArgumentParser
import Foundation
import LoadSim

/// `ivr erlang`: Erlang C and Erlang A figures and staffing.
struct ErlangCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erlang",
        abstract: "Erlang C (M/M/c) and Erlang A (M/M/c+M) figures, and the agents a service level needs.",
        subcommands: [Figures.self, Staff.self],
        defaultSubcommand: Figures.self)
}

/// Options shared by `ivr erlang` and `ivr erlang staff`.
struct ErlangLoadOptions: ParsableArguments {
    @Option(help: "Calls arriving per hour.") var ratePerHour: Double
    @Option(help: "Average handling time (e.g. 120, 120s, 5m).", transform: ErlangLoadOptions.duration) var aht: Double
    @Option(help: "Service-level threshold (e.g. 20s).", transform: ErlangLoadOptions.duration) var target: Double = 20
    @Option(help: "Mean patience of waiting callers (exponential): adds Erlang A.", transform: ErlangLoadOptions.duration)
    var patience: Double?

    func validate() throws {
        guard ratePerHour > 0, ratePerHour.isFinite else { throw ValidationError("--rate-per-hour must be above 0") }
        guard aht > 0, aht.isFinite else { throw ValidationError("--aht must be above 0") }
        guard target.isFinite else { throw ValidationError("--target must be a finite duration (e.g. 20s)") }
        if let patience, !(patience > 0 && patience.isFinite) { throw ValidationError("--patience must be above 0") }
        let limits = ErlangLimits.self
        guard aht >= limits.shortestHandling, aht <= limits.longestTime else {
            throw ValidationError("--aht must be from 1s to 1d (86400 s), not \(aht) s")
        }
        guard target <= limits.longestTime else { throw ValidationError("--target must be from 0 to 1d (86400 s), not \(target) s") }
        if let patience, patience > limits.longestTime {
            throw ValidationError("--patience must be from 0 to 1d (86400 s), not \(patience) s")
        }
        let load = ratePerHour / 3600 * aht
        if let patience {
            guard target <= limits.longestTargetWithPatience else {
                throw ValidationError("with --patience (Erlang A), --target may be at most 1h (3600 s), not \(target) s")
            }
            guard load <= limits.largestLoadWithPatience * (1 + 1e-9) else {
                throw ValidationError("with --patience (Erlang A) the offered load may be at most \(Int(limits.largestLoadWithPatience)) "
                    + "Erlangs, not \(String(format: "%.4g", load)) (--rate-per-hour × --aht / 3600); "
                    + "leave out --patience for Erlang C, or split the load over several queues")
            }
            let queueing = ratePerHour / 3600 * patience
            guard queueing <= limits.mostCallsWithinPatience * (1 + 1e-9) else {
                throw ValidationError("with --patience (Erlang A), --rate-per-hour × --patience / 3600 (calls arriving within one mean "
                    + "patience) may be at most \(Int(limits.mostCallsWithinPatience)), not \(String(format: "%.4g", queueing)); "
                    + "lower --patience")
            }
            let withinTarget = ratePerHour / 3600 * target
            guard withinTarget <= limits.mostCallsWithinTarget * (1 + 1e-9) else {
                throw ValidationError("with --patience (Erlang A), --rate-per-hour × --target / 3600 (calls arriving within the target) "
                    + "may be at most \(Int(limits.mostCallsWithinTarget)), not \(String(format: "%.4g", withinTarget)); "
                    + "lower --target")
            }
        }
        guard load <= Self.maximumLoad else {
            throw ValidationError("offered load \(String(format: "%.4g", load)) Erlangs (--rate-per-hour × --aht / 3600) "
                + "is above the \(Int(Self.maximumLoad)) Erlangs this calculator supports; check the units "
                + "(--rate-per-hour is calls per hour, --aht is seconds unless given a unit)")
        }
    }

    /// The largest offered load (Erlangs) and agent count the calculator accepts.
    static let maximumLoad: Double = 100_000

    func model(agents: Int) -> QueueModel {
        QueueModel(arrivalRate: ratePerHour / 3600, meanHandling: aht, agents: agents, target: target, meanPatience: patience)
    }

    /// Seconds from `120`, `120s`, `2m`, `1h30m`.
    static func duration(_ text: String) throws -> Double {
        if let v = Double(text), v >= 0 { return v }
        if let v = DurationText.seconds(text) { return v }
        throw ValidationError("'\(text)' is not a duration: give seconds (120) or a value with a unit (120s, 2m, 1h)")
    }
}

extension ErlangCommand {
    /// `ivr erlang --rate-per-hour R --aht T --agents N --target T [--patience T]`.
    struct Figures: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "figures",
            abstract: "P(wait), service level, ASA, abandonment and occupancy for a given number of agents.")

        @OptionGroup var load: ErlangLoadOptions
        @Option(help: "Number of agents.") var agents: Int
        @Flag(help: "Print JSON (erlang_c and, with --patience, erlang_a).") var json = false

        func validate() throws {
            guard agents > 0, agents <= Int(ErlangLoadOptions.maximumLoad) else {
                throw ValidationError("--agents must be from 1 to \(Int(ErlangLoadOptions.maximumLoad))")
            }
        }

        func run() throws {
            let model = load.model(agents: agents)
            guard json else { return print(ErlangText.figures(model), terminator: "") }
            var c = model; c.meanPatience = nil
            let unstable = "offered load \(String(format: "%.1f", model.offeredLoad)) Erlangs ≥ \(agents) agents: "
                + "the queue grows without bound (add agents, or give --patience for Erlang A)"
            try printJSON(ErlangJSON(erlangC: .init(c.figures(), reason: unstable),
                                     erlangA: model.meanPatience == nil ? nil : .init(model.figures(), reason: "no answer")))
        }
    }

    /// `ivr erlang staff --rate-per-hour R --aht T --target T --service-level 0.8 [--patience T]`.
    struct Staff: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The fewest agents that reach a service level.")

        @OptionGroup var load: ErlangLoadOptions
        @Option(help: "Service-level goal as a fraction (0.8 = 80 % within the target).") var serviceLevel: Double = 0.8
        @Flag(help: "Print JSON.") var json = false

        func validate() throws {
            guard serviceLevel > 0, serviceLevel < 1 else { throw ValidationError("--service-level must be above 0 and below 1 (e.g. 0.8)") }
        }

        func run() throws {
            let model = load.model(agents: 1)
            guard json else { return print(ErlangText.staffing(model, serviceLevel: serviceLevel), terminator: "") }
            var c = model; c.meanPatience = nil
            let a = model.meanPatience == nil ? nil : Staffing.agentsNeeded(model, serviceLevel: serviceLevel)
            let none = "no staffing up to 100000 agents reaches the service-level goal"
            try printJSON(ErlangJSON(erlangC: .init(Staffing.agentsNeeded(c, serviceLevel: serviceLevel)?.figures, reason: none),
                                     erlangA: model.meanPatience == nil ? nil : .init(a?.figures, reason: none)))
        }
    }
}

/// The JSON shape of `ivr erlang --json`.
struct ErlangJSON: Encodable {
    /// One model's answer: its figures, or `{"stable": false, "reason": ...}` when it has none.
    enum Answer: Encodable {
        case figures(QueueFigures)
        case none(reason: String)

        init(_ figures: QueueFigures?, reason: String) {
            self = figures.map(Answer.figures) ?? .none(reason: reason)
        }

        private enum Keys: String, CodingKey { case stable, reason }

        func encode(to encoder: Encoder) throws {
            switch self {
            case .figures(let f): try f.encode(to: encoder)
            case .none(let reason):
                var c = encoder.container(keyedBy: Keys.self)
                try c.encode(false, forKey: .stable)
                try c.encode(reason, forKey: .reason)
            }
        }
    }

    var erlangC: Answer
    var erlangA: Answer?
    enum CodingKeys: String, CodingKey { case erlangC = "erlang_c", erlangA = "erlang_a" }

    /// Writes `null` for Erlang A when no patience was given.
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(erlangC, forKey: .erlangC)
        try c.encode(erlangA, forKey: .erlangA)
    }
}

func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}
