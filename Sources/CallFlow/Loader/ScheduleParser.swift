import Foundation
import Yams

/// Reads a `schedules:` entry into ``BusinessHours``, reporting bad zones, days and hours.
struct ScheduleParser {
    let reader: YAMLReader

    static let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    func parse(_ node: Node, name: String) -> BusinessHours? {
        guard let pairs = reader.pairs(node, "schedule '\(name)'") else { return nil }
        var zone: TimeZone?
        var weekly: [[ClockInterval]] = Array(repeating: [], count: 7)
        var holidays: Set<LocalDate> = []
        var overrides: [HoursOverride] = []
        var sawZone = false
        for (key, keyNode, value) in pairs {
            switch key {
            case "timezone", "time_zone":
                sawZone = true
                guard let id = reader.string(value, "timezone") else { continue }
                zone = TimeZone(identifier: id)
                if zone == nil || id.isEmpty {
                    reader.error(value, "unknown time zone '\(id)': use an IANA name such as Europe/London")
                }
            case "weekly":
                weekly = parseWeekly(value)
            case "holidays":
                holidays = parseHolidays(value)
            case "overrides":
                overrides = parseOverrides(value)
            default:
                reader.error(keyNode, "unknown schedule option '\(key)': expected timezone, weekly, holidays or overrides")
            }
        }
        if !sawZone {
            reader.error(node, "schedule '\(name)' needs a timezone, e.g. `timezone: Europe/London`")
        }
        guard let zone else { return nil }
        return BusinessHours(timeZone: zone, weekly: weekly, holidays: holidays, overrides: overrides)
    }

    private func parseWeekly(_ node: Node) -> [[ClockInterval]] {
        var weekly: [[ClockInterval]] = Array(repeating: [], count: 7)
        var given: [Int: Int] = [:]
        guard let pairs = reader.pairs(node, "weekly") else { return weekly }
        for (key, keyNode, value) in pairs {
            guard let days = days(key, keyNode) else { continue }
            guard let text = reader.string(value, "hours for '\(key)'"), let spans = spans(text, value) else { continue }
            for day in days {
                if let line = given[day] {
                    reader.error(keyNode, "\(Self.dayNames[day]) already has hours (line \(line)): give each day once")
                }
                given[day] = keyNode.mark?.line ?? 0
                weekly[day] = spans
            }
        }
        return weekly
    }

    /// `mon-fri`, `sat`, `mon,wed,fri`, `daily`.
    private func days(_ text: String, _ node: Node) -> [Int]? {
        let lower = text.lowercased()
        if lower == "daily" || lower == "every_day" { return Array(0..<7) }
        var result: [Int] = []
        for part in lower.split(separator: ",") {
            let ends = part.split(separator: "-").map { String($0).trimmingSpaces.prefix(3) }
            let indices = ends.compactMap { end in Self.dayNames.firstIndex(of: String(end)) }
            guard indices.count == ends.count, (1...2).contains(ends.count) else {
                reader.error(node, "'\(text)' is not a day or range of days: use mon, tue, wed, thu, fri, sat, sun, e.g. mon-fri")
                return nil
            }
            if indices.count == 2 && indices[1] < indices[0] {
                reader.error(node, "day range '\(text)' runs backwards: write it Monday first, e.g. mon-fri")
                return nil
            }
            result.append(contentsOf: indices.count == 1 ? [indices[0]] : Array(indices[0]...indices[1]))
        }
        return result
    }

    /// `09:00-17:30`, `09:00-12:00, 13:00-17:00`, `closed`.
    func spans(_ text: String, _ node: Node) -> [ClockInterval]? {
        if text.lowercased() == "closed" { return [] }
        var spans: [ClockInterval] = []
        for part in text.split(separator: ",") {
            let ends = part.split(separator: "-").map { String($0).trimmingSpaces }
            guard ends.count == 2, let start = minutes(ends[0]), let end = minutes(ends[1]) else {
                reader.error(node, "'\(text)' is not opening hours: write HH:MM-HH:MM (e.g. 09:00-17:30) or closed")
                return nil
            }
            guard let span = ClockInterval(start: start, end: end) else {
                reader.error(node, "hours '\(part.trimmingCharacters(in: .whitespaces))' end before they start: hours that cross midnight are two spans, e.g. 22:00-24:00 and 00:00-02:00 the next day")
                return nil
            }
            if let previous = spans.last, span.start < previous.end {
                reader.error(node, "hours '\(text)' overlap or are out of order: list spans from morning to evening")
                return nil
            }
            spans.append(span)
        }
        return spans
    }

    private func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
              (0...24).contains(h), (0...59).contains(m), h < 24 || m == 0 else { return nil }
        return h * 60 + m
    }

    private func date(_ node: Node, _ what: String) -> LocalDate? {
        guard let text = reader.string(node, what) else { return nil }
        guard let date = LocalDate(iso: Substring(text)) else {
            reader.error(node, "\(what) '\(text)' is not a date: write YYYY-MM-DD, e.g. 2026-12-25")
            return nil
        }
        return date
    }

    private func parseHolidays(_ node: Node) -> Set<LocalDate> {
        guard case .sequence(let items) = node else {
            reader.error(node, "holidays must be a list of dates (YYYY-MM-DD)")
            return []
        }
        var result: Set<LocalDate> = []
        for item in items {
            guard let day = date(item, "holiday") else { continue }
            if !result.insert(day).inserted { reader.warning(item, "holiday \(day) is listed twice") }
        }
        return result
    }

    private func parseOverrides(_ node: Node) -> [HoursOverride] {
        guard case .sequence(let items) = node else {
            reader.error(node, "overrides must be a list, e.g. `- {date: 2026-12-24, hours: 09:00-13:00}`")
            return []
        }
        var result: [HoursOverride] = []
        for item in items {
            guard let pairs = reader.pairs(item, "override") else { continue }
            var from: LocalDate?, through: LocalDate?, spans: [ClockInterval]?
            for (key, keyNode, value) in pairs {
                switch key {
                case "date": from = date(value, "date"); through = from
                case "from": from = date(value, "from")
                case "to", "through": through = date(value, "to")
                case "hours": if let text = reader.string(value, "hours") { spans = self.spans(text, value) }
                default: reader.error(keyNode, "unknown override option '\(key)': expected date (or from and to) and hours")
                }
            }
            guard let start = from else { reader.error(item, "override needs a date, or from and to"); continue }
            guard let end = through else { reader.error(item, "override needs `to` with `from`"); continue }
            guard let hours = spans else { reader.error(item, "override needs hours (HH:MM-HH:MM or closed)"); continue }
            if end < start { reader.error(item, "override ends (\(end)) before it starts (\(start))"); continue }
            if let earlier = result.first(where: { $0.from <= end && start <= $0.through }) {
                let shared = max(earlier.from, start)
                reader.warning(item, "this override and the one for \(earlier.from)\(earlier.through == earlier.from ? "" : " to \(earlier.through)") both cover \(shared); the later one in the list wins there; remove or merge one of them")
            }
            result.append(HoursOverride(from: start, through: end, spans: hours))
        }
        return result
    }
}
