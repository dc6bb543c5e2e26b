import Foundation
import Hummingbird
import LoadSim
import Storage

/// Reports from `queue_log` (supervisors): `GET /reports?day=YYYY-MM-DD` (tables and the
/// simulator's SVG charts), `GET /api/reports?day=` (JSON), `GET /api/reports/csv?day=` (download).
struct ReportRoutes {
    let gate: SessionGate

    func add(to router: Router<WebContext>) {
        router.get("/reports") { request, _ -> Response in
            let session = try gate.require(request, [.supervisor])
            let (day, figures) = try load(request)
            return Reply.html(Page.shell(title: "Reports \(day)", session: session, script: nil,
                                         body: ReportPage.body(day: day, figures: figures, goal: gate.settings.serviceLevelGoal)))
        }
        router.get("/api/reports") { request, _ -> Response in
            _ = try gate.require(request, [.supervisor])
            let (day, figures) = try load(request)
            return try Reply.json(ReportJSON(day: day, figures: figures, goal: gate.settings.serviceLevelGoal))
        }
        router.get("/api/reports/csv") { request, _ -> Response in
            _ = try gate.require(request, [.supervisor])
            let (day, figures) = try load(request)
            var headers = HTTPFields()
            headers[.contentDisposition] = "attachment; filename=\"queues-\(day).csv\""
            return Reply.text(ReportCSV.text(figures), type: "text/csv; charset=utf-8", headers: headers)
        }
    }

    private func load(_ request: Request) throws -> (String, QueueFigures) {
        let zone = gate.settings.timeZone
        let asked = request.uri.queryParameters["day"].map(String.init) ?? ""
        let start: Date
        if asked.isEmpty {
            start = QueueFigures.dayStart(of: Date(), in: zone)
        } else {
            guard let parsed = QueueFigures.dayStart(of: asked, in: zone) else {
                throw WebError.badRequest("day '\(asked)' is not a date; write YYYY-MM-DD, e.g. 2026-12-01")
            }
            start = parsed
        }
        let figures = QueueFigures.read(gate.store.directory.queueLogURL, dayStart: start, zone: zone,
                                        targetSeconds: gate.settings.serviceLevelSeconds)
        return (Self.dayText(start, zone), figures)
    }

    static func dayText(_ date: Date, _ zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }
}

/// The JSON of a day's report.
struct ReportJSON: Encodable {
    struct Row: Encodable {
        var queue: String
        var interval: String?
        var offered: Int, answered: Int, abandoned: Int
        var serviceLevel: Double?
        var asa: Double?
        enum CodingKeys: String, CodingKey {
            case queue, interval, offered, answered, abandoned, asa
            case serviceLevel = "sl"
        }
    }
    var day: String
    var slGoal: Double
    var queues: [Row]
    var intervals: [Row]

    init(day: String, figures: QueueFigures, goal: Double) {
        self.day = day
        slGoal = goal
        queues = (figures.queues + ["all"]).map { q in
            let c = q == "all" ? figures.total : figures.byQueue[q] ?? .init()
            return Row(queue: q, interval: nil, offered: c.offered, answered: c.answered, abandoned: c.abandoned,
                       serviceLevel: c.serviceLevel, asa: c.asa)
        }
        intervals = figures.queues.flatMap { q in
            (figures.byInterval[q] ?? []).enumerated().compactMap { i, c in
                c.offered + c.answered + c.abandoned == 0 ? nil
                    : Row(queue: q, interval: ReportCSV.interval(i), offered: c.offered, answered: c.answered,
                          abandoned: c.abandoned, serviceLevel: c.serviceLevel, asa: c.asa)
            }
        }
    }
    enum CodingKeys: String, CodingKey {
        case day, queues, intervals
        case slGoal = "sl_goal"
    }
}

/// The CSV download: one row per queue per 30 minutes with calls, then one per queue for the day.
enum ReportCSV {
    static func text(_ figures: QueueFigures) -> String {
        var out = "queue,interval,offered,answered,abandoned,service_level,asa_s\n"
        func row(_ q: String, _ i: String, _ c: QueueFigures.Counts) {
            out += "\(q),\(i),\(c.offered),\(c.answered),\(c.abandoned),"
                + (c.serviceLevel.map { String(format: "%.3f", $0) } ?? "") + ","
                + (c.asa.map { String(format: "%.1f", $0) } ?? "") + "\n"
        }
        for q in figures.queues {
            for (i, c) in (figures.byInterval[q] ?? []).enumerated() where c.offered + c.answered + c.abandoned > 0 {
                row(q, interval(i), c)
            }
        }
        for q in figures.queues { row(q, "day", figures.byQueue[q] ?? .init()) }
        row("all", "day", figures.total)
        return out
    }

    /// `HH:MM` of interval `i`.
    static func interval(_ i: Int) -> String { String(format: "%02d:%02d", i / 2, (i % 2) * 30) }
}

/// The report page: a day picker, the per-queue table, the simulator's charts per 30 minutes.
enum ReportPage {
    static func body(day: String, figures: QueueFigures, goal: Double) -> String {
        func pct(_ v: Double?) -> String { v.map { String(format: "%.1f %%", $0 * 100) } ?? "–" }
        func secs(_ v: Double?) -> String { v.map { String(format: "%.0f s", $0) } ?? "–" }
        var rows = ""
        for q in figures.queues + ["all"] {
            let c = q == "all" ? figures.total : figures.byQueue[q] ?? .init()
            let miss = (c.serviceLevel ?? 1) < goal ? " class=\"miss\"" : ""
            rows += "<tr><th>\(Page.escape(q))</th><td>\(c.offered)</td><td>\(c.answered)</td><td>\(c.abandoned)</td>"
                + "<td\(miss)>\(pct(c.serviceLevel))</td><td>\(secs(c.asa))</td></tr>"
        }
        let ticks = stride(from: 0, to: QueueFigures.intervals, by: 4).map { ($0, ReportCSV.interval($0)) }
        let colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"]
        let queues = figures.queues
        let offered = SVGLineChart(title: "Offered per 30 minutes", series: queues.enumerated().map { n, q in
            .init(name: q, color: colors[n % colors.count], values: (figures.byInterval[q] ?? []).map { Double($0.offered) })
        }, xTicks: ticks, yFormat: { String(format: "%.0f", $0) })
        var levelSeries: [SVGLineChart.Series] = queues.enumerated().map { n, q in
            .init(name: q, color: colors[n % colors.count], values: (figures.byInterval[q] ?? []).map { $0.serviceLevel.map { $0 * 100 } })
        }
        levelSeries.append(.init(name: "goal", color: "#555", values: Array(repeating: goal * 100, count: QueueFigures.intervals),
                                 dashed: true))
        let level = SVGLineChart(title: "Service level per 30 minutes (%)", series: levelSeries, xTicks: ticks, yMax: 100,
                                 yFormat: { String(format: "%.0f", $0) })
        let charts = queues.isEmpty ? "<p class=\"muted\">No queue calls in queue_log on this day.</p>"
            : offered.render() + level.render()
        return """
            <section class="card"><form method="get" action="/reports" class="row">
            <h1>Queues on \(Page.escape(day))</h1><span class="grow"></span>
            <label>Day <input type="date" name="day" value="\(Page.escape(day))"></label><button type="submit">Show</button>
            <a class="button" href="/api/reports/csv?day=\(Page.escape(day))" download>CSV</a></form>
            <table class="figures"><thead><tr><th>queue</th><th>offered</th><th>answered</th><th>abandoned</th>
            <th>service level (goal \(pct(goal)))</th><th>ASA</th></tr></thead><tbody>\(rows)</tbody></table>
            <div class="charts">\(charts)</div></section>
            """
    }
}
