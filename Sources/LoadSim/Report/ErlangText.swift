/// Terminal text for `ivr erlang` and `ivr erlang staff`.
public enum ErlangText {
    /// A side-by-side table of Erlang C and (with patience) Erlang A figures for `model`.
    public static func figures(_ model: QueueModel) -> String {
        var c = model; c.meanPatience = nil
        var columns: [(String, QueueFigures?)] = [("Erlang C", c.figures())]
        if let p = model.meanPatience { columns.append(("Erlang A (patience \(Figure.fixed(p, 0))s)", model.figures())) }
        var out = "Offered load \(Figure.fixed(model.offeredLoad, 2)) Erlangs "
            + "(\(Figure.compact(model.arrivalRate * 3600)) calls/h × AHT \(Figure.compact(model.meanHandling))s), "
            + "\(model.agents) agents, target \(Figure.fixed(model.target, 0))s\n\n"
        out += table(columns).render() + "\n"
        if columns[0].1 == nil {
            out += "\nErlang C: \(model.agents) agents cannot carry \(Figure.fixed(model.offeredLoad, 2)) Erlangs; "
                + "the queue grows without end (add agents, or give --patience for Erlang A).\n"
        }
        return out
    }

    /// Staffing answers: agents needed under Erlang C and (with patience) Erlang A.
    public static func staffing(_ model: QueueModel, serviceLevel goal: Double) -> String {
        var c = model; c.meanPatience = nil
        var columns: [(String, Staffing.Result?)] = [("Erlang C", Staffing.agentsNeeded(c, serviceLevel: goal))]
        if let p = model.meanPatience {
            columns.append(("Erlang A (patience \(Figure.fixed(p, 0))s)", Staffing.agentsNeeded(model, serviceLevel: goal)))
        }
        var out = "Goal \(Figure.percent(goal, decimals: 0)) answered within \(Figure.fixed(model.target, 0))s; offered load "
            + "\(Figure.fixed(model.offeredLoad, 2)) Erlangs (\(Figure.compact(model.arrivalRate * 3600)) calls/h × AHT "
            + "\(Figure.compact(model.meanHandling))s)\n\n"
        var t = table(columns.map { ($0.0, $0.1?.figures) })
        t.rows.insert(["agents needed"] + columns.map { $0.1.map { String($0.agents) } ?? "none ≤ 100000" }, at: 0)
        t.rows.removeAll { $0.first == "agents" }
        out += t.render() + "\n"
        return out
    }

    static func table(_ columns: [(String, QueueFigures?)]) -> TextTable {
        var t = TextTable(headers: [""] + columns.map(\.0))
        func row(_ label: String, _ f: (QueueFigures) -> String) {
            t.rows.append([label] + columns.map { $0.1.map(f) ?? "unstable" })
        }
        row("agents") { String($0.agents) }
        row("P(wait)") { Figure.percent($0.probabilityOfWaiting) }
        row("service level") { Figure.percent($0.serviceLevel) }
        row("ASA") { Figure.seconds($0.averageSpeedOfAnswer) }
        row("abandoned") { Figure.percent($0.abandonRate) }
        row("occupancy") { Figure.percent($0.occupancy) }
        return t
    }
}
