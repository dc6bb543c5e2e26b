import Foundation

/// Turns the statistics of one or more replications into a `SimulationReport`.
public enum ReportBuilder {
    /// The report for `scenario` from `runs` (one per replication, same scenario, different seeds).
    public static func build(_ scenario: Scenario, runs: [SimulationStatistics], seed: UInt64, wallSeconds: Double?) -> SimulationReport {
        precondition(!runs.isEmpty, "at least one replication")
        let n = Double(runs.count)
        var total = QueueCounters(), waits = WaitHistogram()
        var unfinished = 0
        var calls = 0, redials = 0, ended = 0, vm = 0, cbReq = 0, cbAtt = 0, cbDone = 0
        var busy = 0.0, staffed = 0.0
        for r in runs {
            total.merge(r.total); waits.merge(r.waits)
            unfinished += r.unfinished
            calls += r.calls; redials += r.redials; ended += r.endedInFlow; vm += r.voicemails
            cbReq += r.callbacksRequested; cbAtt += r.callbacksAttempted; cbDone += r.callbacksCompleted
            busy += r.busy.totalArea; staffed += r.staffed.totalArea
        }
        var report = SimulationReport(
            scenario: scenario.name, seed: seed, replications: runs.count, durationSeconds: scenario.duration,
            start: startLabel(scenario), targetSeconds: scenario.targetAnswer, serviceLevelGoal: scenario.serviceLevelGoal,
            intervalSeconds: scenario.interval,
            calls: Double(calls) / n, redials: Double(redials) / n, endedInFlow: Double(ended) / n,
            unfinished: Double(unfinished) / n,
            offered: Double(total.offered) / n, answered: Double(total.answered) / n, abandoned: Double(total.abandoned) / n,
            leftQueue: Double(total.leftQueue) / n, serviceLevel: total.serviceLevel(),
            asaSeconds: total.averageSpeedOfAnswer, abandonRate: total.offered > 0 ? total.abandonRate : nil,
            waitP90Seconds: waits.percentile(0.9), waitP99Seconds: waits.percentile(0.99), waitMaxSeconds: waits.maximum,
            occupancy: staffed > 0 ? busy / staffed : 0,
            voicemails: Double(vm) / n, callbacksRequested: Double(cbReq) / n, callbacksAttempted: Double(cbAtt) / n,
            callbacksCompleted: Double(cbDone) / n,
            wallSeconds: wallSeconds, callsPerSecond: wallSeconds.map { $0 > 0 ? Double(calls) / $0 : 0 },
            cpuSeconds: nil, callsPerCPUSecond: nil,
            confidence: nil, analytic: analytic(scenario), queues: [], intervals: [])
        if runs.count >= 2 {
            report.confidence = SimulationReport.Confidence(
                serviceLevel: ConfidenceInterval.of(runs.map { $0.total.serviceLevel() ?? 0 })!,
                asaSeconds: ConfidenceInterval.of(runs.map { $0.total.averageSpeedOfAnswer })!,
                abandonRate: ConfidenceInterval.of(runs.map { $0.total.abandonRate })!,
                occupancy: ConfidenceInterval.of(runs.map(\.occupancy))!)
        }
        report.queues = queueRows(runs, n: n)
        report.intervals = intervalRows(scenario, runs, n: n)
        report.agents = agentRows(runs, n: n)
        return report
    }

    /// One row per agent id, in the order agents were first rostered; sums over replications / n.
    static func agentRows(_ runs: [SimulationStatistics], n: Double) -> [SimulationReport.AgentRow] {
        var order: [String] = []
        var merged: [String: AgentCounters] = [:]
        for r in runs {
            for a in r.agents {
                guard var m = merged[a.id] else {
                    order.append(a.id)
                    merged[a.id] = a
                    continue
                }
                m.calls += a.calls; m.callbacks += a.callbacks
                m.talk += a.talk; m.busy += a.busy; m.staffed += a.staffed
                merged[a.id] = m
            }
        }
        return order.compactMap { id in
            merged[id].map {
                SimulationReport.AgentRow(id: id, group: $0.group, calls: Double($0.calls) / n, callbacks: Double($0.callbacks) / n,
                                          talkSeconds: $0.talk / n, staffedSeconds: $0.staffed / n, occupancy: $0.occupancy)
            }
        }
    }

    static func queueRows(_ runs: [SimulationStatistics], n: Double) -> [SimulationReport.QueueRow] {
        let queues = runs.map(\.queues)
        return runs[0].queueNames.indices.map { q in
            var c = QueueCounters(), h = WaitHistogram()
            for (r, run) in runs.enumerated() { c.merge(queues[r][q]); h.merge(run.waits(ofQueue: q)) }
            return SimulationReport.QueueRow(
                name: runs[0].queueNames[q], offered: Double(c.offered) / n, answered: Double(c.answered) / n,
                abandoned: Double(c.abandoned) / n, leftQueue: Double(c.leftQueue) / n, serviceLevel: c.serviceLevel(),
                asaSeconds: c.averageSpeedOfAnswer, abandonRate: c.offered > 0 ? c.abandonRate : nil,
                waitP90Seconds: h.percentile(0.9), waitMaxSeconds: h.maximum,
                ahtSeconds: c.answered > 0 ? c.handled / Double(c.answered) : 0)
        }
    }

    static func intervalRows(_ scenario: Scenario, _ runs: [SimulationStatistics], n: Double) -> [SimulationReport.IntervalRow] {
        let width = scenario.interval
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = scenario.timeZone
        let start = scenario.startDate
        // Each run's per-interval arrays, taken once (the properties build them).
        let tables = runs.map { r in
            (counters: r.intervals, calls: r.intervalCalls, busy: r.busy.area, scheduled: r.scheduled.area,
             staffed: r.staffed.area, waiting: r.waiting.area, waitingPeak: r.waiting.peak)
        }
        return tables[0].counters.indices.map { i in
            var c = QueueCounters(), calls = 0
            var busy = 0.0, scheduled = 0.0, staffed = 0.0, waitingArea = 0.0, waitingPeak = 0.0
            for r in tables {
                c.merge(r.counters[i]); calls += r.calls[i]
                busy += r.busy[i]; scheduled += r.scheduled[i]; staffed += r.staffed[i]
                waitingArea += r.waiting[i]; waitingPeak = max(waitingPeak, r.waitingPeak[i])
            }
            let t0 = Double(i) * width
            let span = min(width, scenario.duration - t0) * n
            return SimulationReport.IntervalRow(
                startSeconds: t0, label: label(start.addingTimeInterval(t0), calendar),
                calls: Double(calls) / n, offered: Double(c.offered) / n, answered: Double(c.answered) / n,
                abandoned: Double(c.abandoned) / n, serviceLevel: c.serviceLevel(), asaSeconds: c.averageSpeedOfAnswer,
                agents: span > 0 ? scheduled / span : 0, occupancy: staffed > 0 ? busy / staffed : nil,
                waitingMean: span > 0 ? waitingArea / span : 0, waitingMax: waitingPeak)
        }
    }

    /// Erlang figures when the scenario is stationary: constant rate, one group with a fixed head-count, no flow.
    static func analytic(_ s: Scenario) -> SimulationReport.Analytic? {
        guard case .constant(let perHour) = s.arrivals, s.flowPath == nil, s.agents.count == 1,
              case .count(let agents) = s.agents[0].staffing, s.agents[0].days == nil, agents > 0, s.queues.isEmpty, s.wrapUp == 0 else { return nil }
        var model = QueueModel(arrivalRate: perHour / 3600, meanHandling: s.handling.mean, agents: agents, target: s.targetAnswer)
        let c = model.figures()
        var a: QueueFigures?
        if let p = s.patience {
            model.meanPatience = p.mean
            a = model.figures()
        }
        let exact = s.handling.isExponential && (s.patience?.isExponential ?? true)
        return SimulationReport.Analytic(erlangC: c, erlangA: a, exact: exact)
    }

    static func startLabel(_ s: Scenario) -> String {
        let c = s.start
        func two(_ v: Int?) -> String { let x = v ?? 0; return x < 10 ? "0\(x)" : "\(x)" }
        let zone = s.timeZone.identifier == "GMT" ? "UTC" : s.timeZone.identifier
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day)) \(two(c.hour)):\(two(c.minute)) \(zone)"
    }

    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `Mon 23 Nov 09:00` in the scenario's zone (no locale: same text everywhere).
    static func label(_ date: Date, _ calendar: Calendar) -> String {
        let c = calendar.dateComponents([.weekday, .day, .month, .hour, .minute], from: date)
        func two(_ v: Int?) -> String { let x = v ?? 0; return x < 10 ? "0\(x)" : "\(x)" }
        return "\(weekdays[(c.weekday ?? 1) - 1]) \(c.day ?? 0) \(months[(c.month ?? 1) - 1]) \(two(c.hour)):\(two(c.minute))"
    }
}
