import Foundation
import Yams

extension ScenarioLoader {
    /// `agents: {count: N}`, `{schedule: [[hour, n], …]}`, or `{groups: [{name, skills, count|schedule}, …]}`.
    static func readAgents(_ node: Node, _ r: NodeReader, marks: inout [String: SourceMark]) -> [AgentGroup]? {
        guard let m = r.mapping(node, "agents", allowed: ["count", "schedule", "skills", "days", "groups"]) else { return nil }
        if let groupsNode = m["groups"] {
            for k in ["count", "schedule", "skills", "days"] where m[k] != nil {
                r.fail(m[k], "agents: with 'groups', give '\(k)' inside each group")
            }
            guard let seq = r.sequence(groupsNode, "agents.groups") else { return nil }
            var names = Set<String>()
            var groups: [AgentGroup] = []
            for (i, g) in seq.enumerated() {
                guard let gm = r.mapping(g, "agents.groups[\(i)]", allowed: ["name", "count", "schedule", "skills", "days"]) else { continue }
                let name = gm["name"].flatMap { r.string($0, "group name") } ?? "group\(i + 1)"
                if !names.insert(name).inserted { r.fail(gm["name"], "two agent groups are named '\(name)'") }
                if let group = readGroup(gm, name: name, node: g, r, marks: &marks) { groups.append(group) }
            }
            if seq.isEmpty { r.fail(groupsNode, "agents.groups is empty: add at least one group") }
            return groups
        }
        return readGroup(m, name: "agents", node: node, r, marks: &marks).map { [$0] }
    }

    static let weekdayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    /// `days: [mon, tue, wed]` or `days: mon-fri`.
    static func readDays(_ node: Node, _ r: NodeReader) -> Set<Int>? {
        var out = Set<Int>()
        let items: [Node] = node.sequence.map { Array($0) } ?? [node]
        for item in items {
            guard let text = item.scalar?.string.lowercased() else { r.fail(item, "days lists weekdays: mon, tue, … sun, or a range mon-fri"); return nil }
            let ends = text.split(separator: "-").map(String.init)
            guard (1...2).contains(ends.count), let a = weekdayNames.firstIndex(of: ends[0]),
                  let b = weekdayNames.firstIndex(of: ends.last!), a <= b else {
                r.fail(item, "'\(text)' is not a weekday or a range such as mon-fri"); return nil
            }
            for d in a...b { out.insert(d) }
        }
        return out
    }

    private static func readGroup(_ m: [String: Node], name: String, node: Node, _ r: NodeReader,
                                  marks: inout [String: SourceMark]) -> AgentGroup? {
        let days = m["days"].flatMap { readDays($0, r) }
        var skills: [String: Int] = [:]
        if let n = m["skills"] {
            if let map = n.mapping {
                for (k, v) in map {
                    guard let q = k.string else { continue }
                    marks["agents.\(name).skills.\(q)"] = SourceMark(line: k.mark?.line ?? 0, column: k.mark?.column ?? 0)
                    if let level = r.integer(v, "skill level of '\(q)'", in: 1...100) { skills[q] = level }
                }
            } else { r.fail(n, "skills must map queue names to levels (1 = first choice), e.g. {orders: 1, returns: 2}") }
        }
        switch (m["count"], m["schedule"]) {
        case let (n?, nil):
            return r.integer(n, "agents count", in: 0...100_000).map { AgentGroup(name: name, skills: skills, staffing: .count($0), days: days) }
        case let (nil, n?):
            return readSchedule(n, r).map { AgentGroup(name: name, skills: skills, staffing: .schedule($0), days: days) }
        case (.some, .some):
            r.fail(node, "agents '\(name)': give count or schedule, not both"); return nil
        case (nil, nil):
            r.fail(node, "agents '\(name)' needs count (fixed head-count) or schedule ([[start hour, head-count], …])"); return nil
        }
    }

    static func readSchedule(_ node: Node, _ r: NodeReader) -> [ShiftStep]? {
        guard let seq = r.sequence(node, "schedule") else { return nil }
        var steps: [ShiftStep] = []
        for item in seq {
            guard let pair = item.sequence, pair.count == 2 else {
                r.fail(item, "each schedule step is [start hour, head-count], e.g. [9, 12] or [17.5, 4]"); continue
            }
            guard let hour = r.number(pair[0], "schedule hour", in: 0...23.999),
                  let count = r.integer(pair[1], "schedule head-count", in: 0...100_000) else { continue }
            if let last = steps.last, hour <= last.hour {
                r.fail(pair[0], "schedule hours must rise through the day (\(hour) comes after \(last.hour))"); continue
            }
            steps.append(ShiftStep(hour: hour, count: count))
        }
        if seq.isEmpty { r.fail(node, "schedule is empty: give at least one [start hour, head-count]") }
        return steps.isEmpty ? nil : steps
    }

    static func readCallers(_ node: Node, into c: inout CallerBehaviour, _ r: NodeReader, _ base: String,
                            marks: inout [String: SourceMark]) {
        let keys = ["key_latency", "answers_menus", "menus", "voicemail_when_offered", "callback_when_offered",
                    "message_length", "redial", "voicemail_key", "callback_key"]
        guard let m = r.mapping(node, "callers", allowed: keys) else { return }
        if let n = m["key_latency"], let v = readDistribution(n, "callers.key_latency", r, base) { c.keyLatency = v }
        if let n = m["answers_menus"], let v = r.probability(n, "callers.answers_menus") { c.answersMenus = v }
        if let n = m["voicemail_when_offered"], let v = r.probability(n, "callers.voicemail_when_offered") { c.voicemailWhenOffered = v }
        if let n = m["callback_when_offered"], let v = r.probability(n, "callers.callback_when_offered") { c.callbackWhenOffered = v }
        if c.voicemailWhenOffered + c.callbackWhenOffered > 1 {
            r.fail(node, "callers: voicemail_when_offered + callback_when_offered must not exceed 1")
        }
        for (key, name) in [("voicemail_key", "voicemail"), ("callback_key", "callback")] {
            guard let n = m[key] else { continue }
            guard let text = n.scalar?.string, text.count == 1, let ch = text.first, "0123456789*#".contains(ch) else {
                r.fail(n, "callers.\(key) must be one key: a digit, * or # (quote it: \"1\")"); continue
            }
            if name == "voicemail" { c.voicemailKey = ch } else { c.callbackKey = ch }
        }
        if let n = m["message_length"], let v = readDistribution(n, "callers.message_length", r, base) { c.messageLength = v }
        if let n = m["redial"], let rm = r.mapping(n, "callers.redial", allowed: ["probability", "after"]) {
            marks["callers.redial"] = SourceMark(line: n.mark?.line ?? 0, column: n.mark?.column ?? 0)
            if let p = rm["probability"], let v = r.probability(p, "callers.redial.probability") { c.redialProbability = v }
            if let a = rm["after"], let v = readDistribution(a, "callers.redial.after", r, base) { c.redialAfter = v }
        }
        if let n = m["menus"] {
            guard let map = n.mapping else { r.fail(n, "callers.menus maps a menu step name to {key: share}"); return }
            for (stepNode, choicesNode) in map {
                guard let step = stepNode.string else { continue }
                marks["callers.menus.\(step)"] = SourceMark(line: stepNode.mark?.line ?? 0, column: stepNode.mark?.column ?? 0)
                guard let choices = choicesNode.mapping else {
                    r.fail(choicesNode, "callers.menus.\(step) maps keys to shares, e.g. {\"1\": 0.5, \"2\": 0.3, \"0\": 0.2}"); continue
                }
                var list: [(keys: String, share: Double)] = []
                for (k, v) in choices {
                    guard let keys = k.string, keys.allSatisfy({ "0123456789*#".contains($0) }) else {
                        r.fail(k, "menu keys are digits, * or # (quote them: \"1\")"); continue
                    }
                    marks["callers.menus.\(step).\(keys)"] = SourceMark(line: k.mark?.line ?? 0, column: k.mark?.column ?? 0)
                    if let share = r.number(v, "share of key \(keys)", in: 0...1e6) { list.append((keys, share)) }
                }
                if list.reduce(0, { $0 + $1.share }) <= 0 { r.fail(choicesNode, "callers.menus.\(step): the shares add up to 0") }
                c.menuChoices[step] = list
            }
        }
    }

    static func readCallbacks(_ node: Node, into c: inout CallbackWork, _ r: NodeReader, _ base: String) {
        guard let m = r.mapping(node, "callbacks", allowed: ["handling", "attempt_time", "reach_rate"]) else { return }
        if let n = m["handling"], let v = readDistribution(n, "callbacks.handling", r, base) { c.handling = v }
        if let n = m["attempt_time"], let v = readDistribution(n, "callbacks.attempt_time", r, base) { c.attemptTime = v }
        if let n = m["reach_rate"], let v = r.probability(n, "callbacks.reach_rate") { c.reachRate = v }
    }
}
