import Foundation
import Yams

extension ScenarioLoader {
    static func readArrivals(_ node: Node, _ r: NodeReader) -> ArrivalPattern? {
        guard let m = r.mapping(node, "arrivals", allowed: ["per_hour", "per_hour_by_hour", "weekday_factors"]) else { return nil }
        var factors = Array(repeating: 1.0, count: 7)
        if let n = m["weekday_factors"], let seq = r.sequence(n, "weekday_factors") {
            if seq.count != 7 { r.fail(n, "weekday_factors needs 7 values, Monday first (got \(seq.count))") }
            else { factors = seq.enumerated().map { r.number($1, "weekday_factors[\($0)]", in: 0...1000) ?? 1 } }
        }
        switch (m["per_hour"], m["per_hour_by_hour"]) {
        case let (n?, nil):
            guard let v = r.number(n, "arrivals.per_hour", in: 0...1e9) else { return nil }
            if m["weekday_factors"] != nil { return .hourly(perHour: Array(repeating: v, count: 24), weekdayFactors: factors) }
            return .constant(perHour: v)
        case let (nil, n?):
            guard let seq = r.sequence(n, "arrivals.per_hour_by_hour") else { return nil }
            guard seq.count == 24 else { r.fail(n, "per_hour_by_hour needs 24 values (00:00-01:00 first), got \(seq.count)"); return nil }
            let rates = seq.enumerated().map { r.number($1, "per_hour_by_hour[\($0)]", in: 0...1e9) ?? 0 }
            return .hourly(perHour: rates, weekdayFactors: factors)
        case (.some, .some):
            r.fail(node, "arrivals: give per_hour or per_hour_by_hour, not both"); return nil
        case (nil, nil):
            r.fail(node, "arrivals needs per_hour (a constant rate) or per_hour_by_hour (24 values)"); return nil
        }
    }

    static let distributionKeys = ["dist", "mean", "cv", "value", "min", "max", "file"]

    static func readDistribution(_ node: Node, _ what: String, _ r: NodeReader, _ base: String) -> TimeDistribution? {
        guard let m = r.mapping(node, what, allowed: distributionKeys) else { return nil }
        guard let distNode = m["dist"] else { r.fail(node, "\(what) needs 'dist': exponential, lognormal, gamma, fixed, uniform or empirical"); return nil }
        func need(_ key: String, positive: Bool = true) -> Double? {
            guard let n = m[key] else { r.fail(node, "\(what) (\(distNode.string ?? "")) needs '\(key)'"); return nil }
            return r.duration(n, "\(what).\(key)", positive: positive)
        }
        func cv() -> Double? {
            guard let n = m["cv"] else { r.fail(node, "\(what) needs 'cv' (standard deviation / mean, e.g. 0.6)"); return nil }
            return r.number(n, "\(what).cv", in: 0...20)
        }
        func refuse(_ keys: [String]) {
            for k in keys where m[k] != nil { r.fail(m[k], "'\(k)' does not apply to \(distNode.string ?? "this") distribution in \(what)") }
        }
        switch distNode.string {
        case "exponential":
            refuse(["cv", "value", "min", "max", "file"])
            return need("mean").map { .exponential(mean: $0) }
        case "lognormal", "gamma":
            refuse(["value", "min", "max", "file"])
            guard let mean = need("mean"), let cv = cv() else { return nil }
            return distNode.string == "gamma" ? .gamma(mean: mean, cv: cv) : .lognormal(mean: mean, cv: cv)
        case "fixed":
            refuse(["mean", "cv", "min", "max", "file"])
            return need("value", positive: false).map { .fixed($0) }
        case "uniform":
            refuse(["mean", "cv", "value", "file"])
            guard let lo = need("min", positive: false), let hi = need("max", positive: false) else { return nil }
            guard lo <= hi else { r.fail(m["max"], "\(what).max must not be below min"); return nil }
            return .uniform(min: lo, max: hi)
        case "empirical":
            refuse(["mean", "cv", "value", "min", "max"])
            guard let fileNode = m["file"], let path = r.string(fileNode, "\(what).file") else {
                r.fail(node, "\(what) (empirical) needs 'file': a CSV of durations in seconds"); return nil
            }
            return readEmpirical(path, node: fileNode, r, base)
        default:
            r.fail(distNode, "\(what).dist must be exponential, lognormal, gamma, fixed, uniform or empirical")
            return nil
        }
    }

    /// A CSV (or plain list) of seconds: the first numeric field of each line; a header line is skipped.
    static func readEmpirical(_ path: String, node: Node, _ r: NodeReader, _ base: String) -> TimeDistribution? {
        let full = path.hasPrefix("/") ? path : URL(fileURLWithPath: base).appendingPathComponent(path).path
        guard let text = try? String(contentsOfFile: full, encoding: .utf8) else {
            r.fail(node, "cannot read '\(path)' (looked at \(full))"); return nil
        }
        var values: [Double] = []
        for (i, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            let field = line.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if let v = Double(field), v >= 0, v.isFinite {
                guard v <= ScenarioLimits.longestTime else {
                    r.fail(node, "\(path):\(i + 1): \(field) seconds is longer than the \(DurationText.format(ScenarioLimits.longestTime)) "
                        + "(\(Int(ScenarioLimits.longestTime)) s) a duration may be; check the column holds seconds")
                    return nil
                }
                values.append(v)
            }
            else if i > 0 && !field.isEmpty {
                r.fail(node, "\(path):\(i + 1): '\(field)' is not a number of seconds"); return nil
            }
        }
        guard !values.isEmpty else { r.fail(node, "'\(path)' holds no durations"); return nil }
        return .empirical(values)
    }

    static func readQueues(_ node: Node, _ r: NodeReader, _ base: String, marks: inout [String: SourceMark]) -> [String: QueueOverrides] {
        guard let map = node.mapping else {
            r.fail(node, "queues must map queue names to settings ({handling, patience, strategy, wrap_up, ...})"); return [:]
        }
        var out: [String: QueueOverrides] = [:]
        for (keyNode, value) in map {
            guard let name = keyNode.string else { r.fail(keyNode, "queue names must be text"); continue }
            marks["queues.\(name)"] = SourceMark(line: keyNode.mark?.line ?? 0, column: keyNode.mark?.column ?? 0)
            guard let m = r.mapping(value, "queue '\(name)'", allowed: queueKeys) else { continue }
            var o = QueueOverrides()
            if let n = m["handling"] { o.handling = readDistribution(n, "queues.\(name).handling", r, base) }
            if let n = m["patience"] { o.patience = readDistribution(n, "queues.\(name).patience", r, base) }
            readQueueSettings(m, queue: name, into: &o, r)
            out[name] = o
        }
        return out
    }
}
