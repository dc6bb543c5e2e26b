/// The terminal report: a summary table (with Erlang figures and confidence intervals when
/// available), a per-queue table when there are several queues, a per-agent table, a per-day
/// table when the run covers more than one day, and (`ivr simulate --intervals`) a per-interval table.
///
/// Contains no wall-clock figures, so the same scenario and seed print the same bytes.
public enum TextReport {
    /// Which intervals the interval table shows.
    public enum IntervalRows: String, Sendable, CaseIterable {
        /// Every interval.
        case all
        /// Intervals with calls, agents or waiting callers.
        case active
        /// No interval table.
        case none
    }

    /// The whole report.
    public static func render(_ r: SimulationReport, intervals: IntervalRows = .active) -> String {
        var out = header(r) + "\n"
        for note in r.assumptions { out += "Assumed: \(note)\n" }
        out += "\n" + summary(r).render() + "\n"
        if r.queues.count > 1 { out += "\nPer queue\n" + queues(r).render() + "\n" }
        let days = dayTable(r)
        if days.rows.count > 1 { out += "\nPer day (calls counted where they arrived or joined the queue)\n" + days.render() + "\n" }
        if !r.agents.isEmpty {
            out += "\nPer agent (calls answered, talk time, occupancy = busy / staffed)\n" + agents(r, limit: agentRowsShown).render() + "\n"
            if r.agents.count > agentRowsShown {
                out += "... and \(r.agents.count - agentRowsShown) more agents (every agent is in --json, --csv and --html)\n"
            }
        }
        if intervals != .none {
            let t = intervalTable(r, all: intervals == .all)
            out += "\nPer \(Int(r.intervalSeconds / 60))-minute interval (calls counted where they arrived or joined the queue)\n"
            out += t.render() + "\n"
        }
        return out
    }

    static func header(_ r: SimulationReport) -> String {
        let reps = r.replications == 1 ? "1 replication" : "\(r.replications) replications (counts are means per replication)"
        return "Scenario \(r.scenario): \(DurationText.format(r.durationSeconds)) from \(r.start), seed \(r.seed), \(reps)"
    }

    static func count(_ v: Double) -> String { v.rounded() == v ? Figure.fixed(v, 0) : Figure.fixed(v, 1) }

    static func summary(_ r: SimulationReport) -> TextTable {
        let c = r.analytic?.erlangC, a = r.analytic?.erlangA
        var headers = ["", "simulated"]
        if r.confidence != nil { headers.append("95% CI") }
        if r.analytic != nil { headers.append("Erlang C" + (r.analytic!.exact ? "" : " (approx.)")) }
        if a != nil { headers.append("Erlang A" + (r.analytic!.exact ? "" : " (approx.)")) }
        var t = TextTable(headers: headers)
        func row(_ label: String, _ sim: String, ci: SimulationReport.Interval? = nil, _ fmt: ((Double) -> String)? = nil,
                 _ pick: ((QueueFigures) -> Double)? = nil) {
            var cells = [label, sim]
            if r.confidence != nil { cells.append(ci.map { "\(fmt!($0.low)) - \(fmt!($0.high))" } ?? "") }
            if r.analytic != nil { cells.append(pick.map { p in c.map { fmt!(p($0)) } ?? "unstable" } ?? "") }
            if a != nil { cells.append(pick.map { p in fmt!(p(a!)) } ?? "") }
            t.rows.append(cells)
        }
        let pct = { (v: Double) in Figure.percent(v) }, sec = { (v: Double) in Figure.seconds(v) }
        row("calls", count(r.calls))
        if r.redials > 0 { row("  of which redials", count(r.redials)) }
        if r.endedInFlow > 0 { row("ended in the flow", count(r.endedInFlow)) }
        row("offered to a queue", count(r.offered))
        row("answered", count(r.answered))
        row("abandoned", count(r.abandoned))
        if r.unfinished > 0 { row("still waiting at the end", count(r.unfinished)) }
        if r.leftQueue > 0 { row("left the queue (key/max wait)", count(r.leftQueue)) }
        row("service level (\(Figure.fixed(r.targetSeconds, 0))s)", r.serviceLevel.map(pct) ?? "-", ci: r.confidence?.serviceLevel, pct) { $0.serviceLevel }
        row("ASA", sec(r.asaSeconds), ci: r.confidence?.asaSeconds, sec) { $0.averageSpeedOfAnswer }
        row("abandon rate", r.abandonRate.map(pct) ?? "-", ci: r.confidence?.abandonRate, pct) { $0.abandonRate }
        row("wait p90", sec(r.waitP90Seconds))
        row("wait p99", sec(r.waitP99Seconds))
        row("wait max", sec(r.waitMaxSeconds))
        row("occupancy", pct(r.occupancy), ci: r.confidence?.occupancy, pct) { $0.occupancy }
        row("voicemails", count(r.voicemails))
        row("callbacks requested", count(r.callbacksRequested))
        row("callbacks attempted", count(r.callbacksAttempted))
        row("callbacks completed", count(r.callbacksCompleted))
        return t
    }

    static func queues(_ r: SimulationReport) -> TextTable {
        var t = TextTable(headers: ["queue", "offered", "answered", "abandoned", "left", "SL", "ASA", "abandon", "p90", "max", "AHT"])
        for q in r.queues {
            t.rows.append([q.name, count(q.offered), count(q.answered), count(q.abandoned), count(q.leftQueue),
                           q.serviceLevel.map { Figure.percent($0) } ?? "-", Figure.seconds(q.asaSeconds),
                           q.abandonRate.map { Figure.percent($0) } ?? "-", Figure.seconds(q.waitP90Seconds), Figure.seconds(q.waitMaxSeconds),
                           Figure.seconds(q.ahtSeconds, decimals: 0)])
        }
        return t
    }

    /// Rows of the per-agent table in the terminal (a big team is in full in the other formats).
    static let agentRowsShown = 40

    static func agents(_ r: SimulationReport, limit: Int = .max) -> TextTable {
        var t = TextTable(headers: ["agent", "group", "calls", "talk", "avg talk", "callbacks", "staffed", "occ"])
        for a in r.agents.prefix(limit) {
            t.rows.append([a.id, a.group, count(a.calls), clock(a.talkSeconds),
                           a.calls > 0 ? Figure.seconds(a.talkSeconds / a.calls, decimals: 0) : "-",
                           count(a.callbacks), clock(a.staffedSeconds), Figure.percent(a.occupancy)])
        }
        return t
    }

    /// Seconds as `h:mm:ss` (`0:04:05`), for long totals.
    static func clock(_ seconds: Double) -> String {
        let total = ScenarioLimits.clampedInt(seconds.rounded())
        let m = (total / 60) % 60, s = total % 60
        return "\(total / 3600):\(m < 10 ? "0" : "")\(m):\(s < 10 ? "0" : "")\(s)"
    }

    static func intervalTable(_ r: SimulationReport, all: Bool) -> TextTable {
        var t = TextTable(headers: ["interval", "calls", "offered", "answered", "aband", "SL", "ASA", "agents", "occ", "in queue avg", "in queue max"])
        for row in r.intervals where all || row.calls > 0 || row.agents > 0 || row.waitingMax > 0 {
            t.rows.append([row.label, count(row.calls), count(row.offered), count(row.answered), count(row.abandoned),
                           row.serviceLevel.map { Figure.percent($0) } ?? "-", Figure.seconds(row.asaSeconds),
                           Figure.fixed(row.agents, 1), row.occupancy.map { Figure.percent($0) } ?? "-",
                           Figure.fixed(row.waitingMean, 1), Figure.fixed(row.waitingMax, 0)])
        }
        return t
    }

    /// One row per local day, summed from the interval rows: SL weighted by callers offered,
    /// ASA by calls answered, occupancy by agents scheduled, waiting mean over the day's intervals.
    static func dayTable(_ r: SimulationReport) -> TextTable {
        var t = TextTable(headers: ["day", "calls", "offered", "answered", "aband", "SL", "ASA", "agents", "occ", "in queue avg", "in queue max"])
        var start = r.intervals.startIndex
        while start < r.intervals.endIndex {
            let day = dayLabel(r.intervals[start].label)
            var end = start
            while end < r.intervals.endIndex, dayLabel(r.intervals[end].label) == day { end += 1 }
            let rows = r.intervals[start..<end]
            func sum(_ f: (SimulationReport.IntervalRow) -> Double) -> Double { rows.reduce(0) { $0 + f($1) } }
            let offered = sum(\.offered), answered = sum(\.answered), agents = sum(\.agents)
            let sl = offered > 0 ? sum { ($0.serviceLevel ?? 0) * $0.offered } / offered : nil
            let asa = answered > 0 ? sum { $0.asaSeconds * $0.answered } / answered : 0
            let staffed = rows.filter { $0.occupancy != nil }.reduce(0) { $0 + $1.agents }
            let occ = staffed > 0 ? sum { ($0.occupancy ?? 0) * $0.agents } / staffed : nil
            t.rows.append([day, count(sum(\.calls)), count(offered), count(answered), count(sum(\.abandoned)),
                           sl.map { Figure.percent($0) } ?? "-", Figure.seconds(asa),
                           Figure.fixed(agents / Double(rows.count), 1), occ.map { Figure.percent($0) } ?? "-",
                           Figure.fixed(sum(\.waitingMean) / Double(rows.count), 1),
                           Figure.fixed(rows.map(\.waitingMax).max() ?? 0, 0)])
            start = end
        }
        return t
    }

    /// `Mon 23 Nov` from an interval label `Mon 23 Nov 09:00`.
    static func dayLabel(_ label: String) -> String {
        guard let space = label.lastIndex(of: " ") else { return label }
        return String(label[..<space])
    }
}
