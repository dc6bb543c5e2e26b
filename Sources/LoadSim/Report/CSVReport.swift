/// CSV files for spreadsheets: `summary.csv`, `queues.csv`, `agents.csv`, `intervals.csv`.
///
/// Plain RFC 4180: comma-separated, a header row, fractions as decimals (0.812, not 81.2 %).
public enum CSVReport {
    /// File name → contents.
    public static func files(_ r: SimulationReport) -> [(name: String, text: String)] {
        [("summary.csv", summary(r)), ("queues.csv", queues(r)), ("agents.csv", agents(r)), ("intervals.csv", intervals(r))]
    }

    static func num(_ v: Double?) -> String {
        guard let v else { return "" }
        return v.rounded() == v && abs(v) < 1e15 ? Figure.fixed(v, 0) : Figure.fixed(v, 6)
    }

    static func quote(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    static func summary(_ r: SimulationReport) -> String {
        var rows: [(String, Double?)] = [
            ("calls", r.calls), ("redials", r.redials), ("ended_in_flow", r.endedInFlow), ("unfinished", r.unfinished), ("offered", r.offered),
            ("answered", r.answered), ("abandoned", r.abandoned), ("left_queue", r.leftQueue),
            ("service_level", r.serviceLevel), ("asa_s", r.asaSeconds), ("abandon_rate", r.abandonRate),
            ("wait_p90_s", r.waitP90Seconds), ("wait_p99_s", r.waitP99Seconds), ("wait_max_s", r.waitMaxSeconds),
            ("occupancy", r.occupancy), ("voicemails", r.voicemails), ("callbacks_requested", r.callbacksRequested),
            ("callbacks_attempted", r.callbacksAttempted), ("callbacks_completed", r.callbacksCompleted),
        ]
        if let c = r.analytic?.erlangC {
            rows += [("erlang_c_service_level", c.serviceLevel), ("erlang_c_asa_s", c.averageSpeedOfAnswer), ("erlang_c_occupancy", c.occupancy)]
        }
        if let a = r.analytic?.erlangA {
            rows += [("erlang_a_service_level", a.serviceLevel), ("erlang_a_asa_s", a.averageSpeedOfAnswer),
                     ("erlang_a_abandon_rate", a.abandonRate), ("erlang_a_occupancy", a.occupancy)]
        }
        return "metric,value\n" + rows.map { "\($0.0),\(num($0.1))" }.joined(separator: "\n") + "\n"
    }

    static func queues(_ r: SimulationReport) -> String {
        var out = "queue,offered,answered,abandoned,left_queue,service_level,asa_s,abandon_rate,wait_p90_s,wait_max_s,aht_s\n"
        for q in r.queues {
            out += [quote(q.name), num(q.offered), num(q.answered), num(q.abandoned), num(q.leftQueue), num(q.serviceLevel),
                    num(q.asaSeconds), num(q.abandonRate), num(q.waitP90Seconds), num(q.waitMaxSeconds), num(q.ahtSeconds)]
                .joined(separator: ",") + "\n"
        }
        return out
    }

    static func agents(_ r: SimulationReport) -> String {
        var out = "agent,group,calls,callbacks,talk_s,staffed_s,occupancy\n"
        for a in r.agents {
            out += [quote(a.id), quote(a.group), num(a.calls), num(a.callbacks), num(a.talkSeconds), num(a.staffedSeconds),
                    num(a.occupancy)].joined(separator: ",") + "\n"
        }
        return out
    }

    static func intervals(_ r: SimulationReport) -> String {
        var out = "start_s,label,calls,offered,answered,abandoned,service_level,asa_s,agents,occupancy,waiting_mean,waiting_max\n"
        for i in r.intervals {
            out += [num(i.startSeconds), quote(i.label), num(i.calls), num(i.offered), num(i.answered), num(i.abandoned),
                    num(i.serviceLevel), num(i.asaSeconds), num(i.agents), num(i.occupancy), num(i.waitingMean), num(i.waitingMax)]
                .joined(separator: ",") + "\n"
        }
        return out
    }
}

import Foundation
