import CallFlow
import Foundation
import Yams

/// Reads a scenario YAML file into a `Scenario`, reporting every problem with its line and column.
///
/// Keys are documented in docs/SIMULATION.md. Unknown keys and bad values are errors, never ignored.
public enum ScenarioLoader {
    static let topKeys = ["name", "duration", "seed", "target_answer", "service_level_goal", "interval", "start",
                          "timezone", "arrivals", "handling", "wrap_up", "patience", "queues", "agents", "flow", "prompts",
                          "callers", "callbacks"]

    /// Loads the scenario at `path` (relative paths inside it resolve against its folder).
    public static func load(path: String) throws -> Scenario {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            if let data = FileManager.default.contents(atPath: path), let problem = YAMLInputCheck.utf8Problem([UInt8](data)) {
                throw ScenarioErrors(errors: [ScenarioError(file: path, line: problem.line, column: problem.column, message: problem.message)])
            }
            throw ScenarioErrors(errors: [ScenarioError(file: path, line: 1, column: 1, message: unreadable(path))])
        }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try parse(text, file: path, baseDirectory: base)
    }

    /// Why `path` could not be read, and what to do about it.
    static func unreadable(_ path: String) -> String {
        UnreadableFile.reason(path, kind: "scenario", hint: ", or start from one in examples/")
    }

    /// Parses scenario `text`; `file` names it in errors, `baseDirectory` anchors relative paths.
    public static func parse(_ text: String, file: String, baseDirectory: String) throws -> Scenario {
        if let problem = YAMLInputCheck.check(text) {
            throw ScenarioErrors(errors: [ScenarioError(file: file, line: problem.line, column: problem.column, message: problem.message)])
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ScenarioErrors(errors: [ScenarioError(file: file, line: 1, column: 1, message: "the scenario file is empty")])
            }
            root = node
        } catch let e as YamlError {
            throw ScenarioErrors(errors: [yamlError(e, file: file)])
        }
        if YAMLInputCheck.expandsTooFar(root) {
            throw ScenarioErrors(errors: [ScenarioError(file: file, line: root.mark?.line ?? 1, column: root.mark?.column ?? 1,
                                                        message: YAMLInputCheck.expansionMessage)])
        }
        let reader = NodeReader(file: file)
        var scenario = Scenario()
        scenario.file = file
        if let top = reader.mapping(root, "the scenario", allowed: topKeys) {
            readTop(top, into: &scenario, reader: reader, baseDirectory: baseDirectory)
            if top["arrivals"] == nil { reader.fail(root, "the scenario needs 'arrivals' (per_hour or per_hour_by_hour)") }
            if reader.errors.isEmpty { checkLimits(top, scenario, reader) }
        }
        if !reader.errors.isEmpty {
            throw ScenarioErrors(errors: reader.errors.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
        }
        return scenario
    }

    private static func readTop(_ top: [String: Node], into s: inout Scenario, reader r: NodeReader, baseDirectory: String) {
        if let n = top["name"], let v = r.string(n, "name") { s.name = v }
        if let n = top["duration"], let v = r.duration(n, "duration", positive: true, longest: ScenarioLimits.longestRun) { s.duration = v }
        if let n = top["seed"] {
            if let text = n.scalar?.string, let v = UInt64(text) { s.seed = v } else { r.fail(n, "seed must be a whole number ≥ 0") }
        }
        if let n = top["target_answer"], let v = r.duration(n, "target_answer") { s.targetAnswer = v }
        if let n = top["service_level_goal"], let v = r.probability(n, "service_level_goal") { s.serviceLevelGoal = v }
        if let n = top["interval"], let v = r.duration(n, "interval") {
            if [900, 1800, 3600].contains(v) { s.interval = v } else { r.fail(n, "interval must be 15m, 30m or 60m") }
        }
        if let n = top["timezone"], let v = r.string(n, "timezone") {
            if let tz = TimeZone(identifier: v) { s.timeZone = tz } else { r.fail(n, "unknown time zone '\(v)'; use an IANA name such as Europe/London") }
        }
        if let n = top["start"], let text = r.string(n, "start") {
            if let problem = LocalDate.problem(inISO: text) {
                r.fail(n, "start '\(text)' is not a date: \(problem)")
            } else if let c = parseStart(text) { s.start = c } else { r.fail(n, "start must be a local date and time like 2026-11-23T08:00 (or a date 2026-11-23)") }
        }
        if let n = top["arrivals"] {
            s.marks["arrivals"] = SourceMark(line: n.mark?.line ?? 0, column: n.mark?.column ?? 0)
            if let v = readArrivals(n, r) { s.arrivals = v }
        }
        if let n = top["handling"], let v = readDistribution(n, "handling", r, baseDirectory) { s.handling = v }
        if let n = top["wrap_up"], let v = r.duration(n, "wrap_up") { s.wrapUp = v }
        if let n = top["patience"], let v = readDistribution(n, "patience", r, baseDirectory) { s.patience = v }
        if let n = top["queues"] { s.queues = readQueues(n, r, baseDirectory, marks: &s.marks) }
        if let n = top["agents"], let v = readAgents(n, r, marks: &s.marks) { s.agents = v }
        if let n = top["flow"], let v = r.string(n, "flow") {
            s.flowPath = v.hasPrefix("/") ? v : URL(fileURLWithPath: baseDirectory).appendingPathComponent(v).standardized.path
        }
        if let n = top["prompts"], let v = r.string(n, "prompts") {
            s.promptsPath = v.hasPrefix("/") ? v : URL(fileURLWithPath: baseDirectory).appendingPathComponent(v).standardized.path
        }
        if let n = top["callers"] { readCallers(n, into: &s.callers, r, baseDirectory, marks: &s.marks) }
        if let n = top["callbacks"] { readCallbacks(n, into: &s.callbacks, r, baseDirectory) }
    }

    /// `2026-11-23T08:00`, `2026-11-23T08:00:30`, `2026-11-23 08:00` or `2026-11-23`.
    static func parseStart(_ text: String) -> DateComponents? {
        let parts = text.split(whereSeparator: { $0 == "T" || $0 == " " })
        guard (1...2).contains(parts.count) else { return nil }
        let date = parts[0].split(separator: "-").compactMap { Int($0) }
        guard date.count == 3, LocalDate(year: date[0], month: date[1], day: date[2]) != nil else { return nil }
        var time = [0, 0, 0]
        if parts.count == 2 {
            let t = parts[1].split(separator: ":").compactMap { Int($0) }
            guard (2...3).contains(t.count), (0...23).contains(t[0]), (0...59).contains(t[1]) else { return nil }
            for (i, v) in t.enumerated() { time[i] = v }
        }
        return DateComponents(year: date[0], month: date[1], day: date[2], hour: time[0], minute: time[1], second: time[2])
    }

    static func yamlError(_ e: YamlError, file: String) -> ScenarioError {
        switch e {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return ScenarioError(file: file, line: mark.line, column: mark.column, message: "YAML: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return ScenarioError(file: file, line: context.mark.line, column: context.mark.column,
                                 message: "duplicate key \(duplicates.joined(separator: ", "))")
        default:
            return ScenarioError(file: file, line: 0, column: 0, message: "YAML: \(e)")
        }
    }
}
