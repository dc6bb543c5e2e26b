/// A self-contained HTML report: summary, charts (inline SVG) and tables; no scripts, no links.
public enum HTMLReport {
    /// The page.
    public static func render(_ r: SimulationReport) -> String {
        let rows = r.intervals
        let ticks = dayTicks(r)
        let charts = [
            SVGLineChart(title: "Calls per interval", series: [
                .init(name: "calls arriving", color: "#b8c4d6", values: rows.map { $0.calls }),
                .init(name: "offered to a queue", color: "#1f5fa8", values: rows.map { $0.offered }),
                .init(name: "answered", color: "#2e9d4a", values: rows.map { $0.answered }),
                .init(name: "abandoned", color: "#d0432b", values: rows.map { $0.abandoned }),
            ], xTicks: ticks) { Figure.compact($0) },
            SVGLineChart(title: "Service level per interval (answered within \(Figure.fixed(r.targetSeconds, 0))s / offered)", series: [
                .init(name: "service level", color: "#1f5fa8", values: rows.map { $0.serviceLevel }),
                .init(name: "goal \(Figure.percent(r.serviceLevelGoal, decimals: 0))", color: "#888888",
                      values: rows.map { _ in r.serviceLevelGoal }, dashed: true),
            ], xTicks: ticks, yMax: 1) { Figure.percent($0, decimals: 0) },
            SVGLineChart(title: "Callers waiting", series: [
                .init(name: "mean", color: "#1f5fa8", values: rows.map { $0.waitingMean }),
                .init(name: "peak", color: "#e08a1e", values: rows.map { $0.waitingMax }),
            ], xTicks: ticks) { Figure.compact($0) },
            SVGLineChart(title: "Occupancy per interval (busy / staffed agent time)", series: [
                .init(name: "occupancy", color: "#7b3fa0", values: rows.map { $0.occupancy }),
            ], xTicks: ticks, yMax: 1) { Figure.percent($0, decimals: 0) },
            SVGLineChart(title: "Agents scheduled", series: [
                .init(name: "agents", color: "#2e9d4a", values: rows.map { $0.agents }),
            ], xTicks: ticks) { Figure.compact($0) },
        ]
        var html = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <title>\(escape(r.scenario)) — Switchboard simulation</title>
        <style>
        body{font:14px/1.4 system-ui,sans-serif;margin:24px auto;max-width:1000px;color:#222}
        h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}
        .sub{color:#555;margin-bottom:16px}
        table{border-collapse:collapse;margin:8px 0}td,th{padding:3px 10px;border-bottom:1px solid #ddd;text-align:right}
        td:first-child,th:first-child{text-align:left}th{background:#f3f4f6}
        svg{width:100%;height:auto;margin:6px 0 14px;background:#fff}
        .t{font:600 13px system-ui,sans-serif;fill:#222}.lg{font:12px system-ui,sans-serif;fill:#333}
        .g{stroke:#e3e3e3;stroke-width:1}.yl{font:11px system-ui,sans-serif;fill:#666;text-anchor:end;dominant-baseline:middle}
        .xl{font:11px system-ui,sans-serif;fill:#666;text-anchor:start}
        .kpi{display:inline-block;margin:0 18px 10px 0;padding:8px 14px;background:#f3f6fb;border-radius:6px}
        .kpi b{display:block;font-size:20px}
        </style></head><body>
        <h1>\(escape(r.scenario))</h1>
        <div class="sub">\(escape(TextReport.header(r)))</div>

        """
        for note in r.assumptions { html += "<div class=\"sub\">Assumed: \(escape(note))</div>\n" }
        html += kpis(r)
        html += "<h2>Summary</h2>" + table(TextReport.summary(r))
        if r.queues.count > 1 { html += "<h2>Per queue</h2>" + table(TextReport.queues(r)) }
        if !r.agents.isEmpty { html += "<h2>Per agent</h2>" + table(TextReport.agents(r)) }
        html += "<h2>Over time</h2>\n" + charts.map { $0.render() }.joined(separator: "\n")
        html += "<h2>Per interval</h2><details><summary>\(rows.count) intervals of \(Int(r.intervalSeconds / 60)) minutes</summary>"
        html += table(TextReport.intervalTable(r, all: false)) + "</details>\n"
        html += "<p class=\"sub\">Service level = answered within target / offered to a queue (abandoned and left count as misses). "
        html += "ASA = mean wait of answered calls, zero waits included. Occupancy = busy agent time / staffed agent time inside the run (staffed: scheduled, plus agents past their shift still finishing a call).</p>"
        return html + "</body></html>\n"
    }

    static func kpis(_ r: SimulationReport) -> String {
        let items = [("calls", TextReport.count(r.calls)),
                     ("service level", r.serviceLevel.map { Figure.percent($0) } ?? "-"),
                     ("ASA", Figure.seconds(r.asaSeconds)),
                     ("abandoned", r.abandonRate.map { Figure.percent($0) } ?? "-"),
                     ("occupancy", Figure.percent(r.occupancy)),
                     ("callbacks done", TextReport.count(r.callbacksCompleted))]
        return items.map { "<div class=\"kpi\">\(escape($0.0))<b>\(escape($0.1))</b></div>" }.joined() + "\n"
    }

    static func table(_ t: TextTable) -> String {
        var s = "<table><tr>" + t.headers.map { "<th>\(escape($0))</th>" }.joined() + "</tr>"
        for row in t.rows { s += "<tr>" + row.map { "<td>\(escape($0))</td>" }.joined() + "</tr>" }
        return s + "</table>\n"
    }

    /// A tick at each local midnight (weekday and date), or every few hours for short runs.
    static func dayTicks(_ r: SimulationReport) -> [(Int, String)] {
        let perDay = Int(86_400 / r.intervalSeconds)
        var ticks: [(Int, String)] = []
        for (i, row) in r.intervals.enumerated() {
            let hhmm = row.label.suffix(5)
            if r.durationSeconds > 2 * 86_400 {
                if hhmm == "00:00" { ticks.append((i, String(row.label.dropLast(6)))) }
            } else if i % max(1, perDay / 8) == 0 {
                ticks.append((i, String(hhmm)))
            }
        }
        return ticks
    }
}
