import Foundation

/// A day's queue figures from `queue_log` lines: per queue, and per queue per 30 minutes.
///
/// Definitions as the simulator's report (docs/SIMULATION.md): offered = ENTERQUEUE;
/// answered = CONNECT; abandoned = ABANDON; service level = answered within the target /
/// offered (undefined, nil, with nothing offered); ASA = mean hold time of answered calls.
struct QueueFigures: Sendable, Equatable {
    /// Counts of one queue over some span.
    struct Counts: Sendable, Equatable {
        var offered = 0
        var answered = 0
        var answeredInTarget = 0
        var abandoned = 0
        var holdSeconds = 0.0

        /// Service level (nil with nothing offered).
        var serviceLevel: Double? { offered == 0 ? nil : Double(answeredInTarget) / Double(offered) }
        /// Average speed of answer in seconds (nil with nothing answered).
        var asa: Double? { answered == 0 ? nil : holdSeconds / Double(answered) }

        mutating func add(_ other: Counts) {
            offered += other.offered; answered += other.answered; answeredInTarget += other.answeredInTarget
            abandoned += other.abandoned; holdSeconds += other.holdSeconds
        }
    }

    /// Number of 30-minute intervals in a day.
    static let intervals = 48

    /// The day's first instant.
    let dayStart: Date
    /// The day's length in seconds (23 or 25 hours on clock-change days).
    let dayLength: TimeInterval
    /// Answered within this many seconds counts as in target.
    let targetSeconds: Double
    /// Per queue, the whole day.
    private(set) var byQueue: [String: Counts] = [:]
    /// Per queue, per 30-minute interval (index 0 = 00:00-00:30 local).
    private(set) var byInterval: [String: [Counts]] = [:]

    init(dayStart: Date, dayLength: TimeInterval = 86_400, targetSeconds: Double) {
        self.dayStart = dayStart
        self.dayLength = dayLength
        self.targetSeconds = targetSeconds
    }

    /// Figures for the local day starting at `dayStart` in `zone`.
    init(day dayStart: Date, in zone: TimeZone, targetSeconds: Double) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let next = calendar.date(byAdding: .day, value: 1, to: dayStart) ?? dayStart.addingTimeInterval(86_400)
        self.init(dayStart: dayStart, dayLength: next.timeIntervalSince(dayStart), targetSeconds: targetSeconds)
    }

    /// Every queue name seen, sorted.
    var queues: [String] { byQueue.keys.sorted() }

    /// The whole day, all queues.
    var total: Counts { byQueue.values.reduce(into: Counts()) { $0.add($1) } }

    /// One interval, all queues.
    func total(interval: Int) -> Counts {
        byInterval.values.reduce(into: Counts()) { $0.add($1[interval]) }
    }

    /// Adds one `queue_log` line if it falls on the day (lines of other days and other events are skipped).
    mutating func add(line: Substring) {
        let fields = line.split(separator: "|", omittingEmptySubsequences: false)
        guard fields.count >= 5, let epoch = Double(fields[0]) else { return }
        let offset = epoch - dayStart.timeIntervalSince1970
        guard offset >= 0, offset < dayLength else { return }
        let interval = min(Self.intervals - 1, Int(offset / 1_800))
        let queue = String(fields[2])
        guard queue != "NONE" else { return }
        var counts = Counts()
        switch fields[4] {
        case "ENTERQUEUE":
            counts.offered = 1
        case "CONNECT":
            let hold = fields.count > 5 ? Double(fields[5]) ?? 0 : 0
            counts.answered = 1
            counts.holdSeconds = hold
            counts.answeredInTarget = hold <= targetSeconds ? 1 : 0
        case "ABANDON":
            counts.abandoned = 1
        default:
            return
        }
        byQueue[queue, default: Counts()].add(counts)
        var row = byInterval[queue] ?? Array(repeating: Counts(), count: Self.intervals)
        row[interval].add(counts)
        byInterval[queue] = row
    }

    /// Adds every line of `text`.
    mutating func add(text: Substring) {
        for line in text.split(separator: "\n") { add(line: line) }
    }

    /// The figures of the day starting at `dayStart`, read from the file at `url` (empty if absent).
    static func read(_ url: URL, dayStart: Date, zone: TimeZone, targetSeconds: Double) -> QueueFigures {
        var figures = QueueFigures(day: dayStart, in: zone, targetSeconds: targetSeconds)
        if let data = FileManager.default.contents(atPath: url.path) {
            figures.add(text: Substring(String(decoding: data, as: UTF8.self)))
        }
        return figures
    }

    /// Local midnight of the day holding `date` in `zone`.
    static func dayStart(of date: Date, in zone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar.startOfDay(for: date)
    }

    /// Local midnight of `YYYY-MM-DD` in `zone`, or nil.
    static func dayStart(of text: String, in zone: TimeZone) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, text.count == 10, (2000...2199).contains(parts[0]) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        guard let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
              calendar.component(.month, from: date) == parts[1] else { return nil }
        return date
    }
}

/// Today's figures kept current by reading only what was appended to `queue_log` since last time
/// (the whole file again after midnight or when the file shrank).
final class TodayTally: @unchecked Sendable {
    private let url: URL
    private let zone: TimeZone
    private let target: Double
    private let lock = NSLock()
    private var offset: UInt64 = 0
    private var figures: QueueFigures?

    init(url: URL, zone: TimeZone, targetSeconds: Double) {
        self.url = url
        self.zone = zone
        self.target = targetSeconds
    }

    /// Today's figures at `now`.
    func figures(now: Date) -> QueueFigures {
        lock.withLock {
            let start = QueueFigures.dayStart(of: now, in: zone)
            let size = ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.uint64Value ?? 0
            if figures?.dayStart != start || size < offset {
                figures = QueueFigures(day: start, in: zone, targetSeconds: target)
                offset = 0
            }
            if size > offset, let handle = try? FileHandle(forReadingFrom: url) {
                defer { try? handle.close() }
                try? handle.seek(toOffset: offset)
                let data = (try? handle.read(upToCount: Int(size - offset))) ?? Data()
                // Only whole lines: a line being appended right now is read next time.
                if let lastNewline = data.lastIndex(of: UInt8(ascii: "\n")) {
                    let complete = data[data.startIndex...lastNewline]
                    figures?.add(text: Substring(String(decoding: complete, as: UTF8.self)))
                    offset += UInt64(complete.count)
                }
            }
            return figures ?? QueueFigures(day: start, in: zone, targetSeconds: target)
        }
    }
}
