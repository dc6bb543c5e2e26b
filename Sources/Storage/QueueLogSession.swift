import Foundation

/// One run of `ivr serve` as `queue_log` sees it: call ids `EPOCH.N` (Asterisk's
/// `uniqueid` form), unique across restarts, and what the run before left open.
///
/// Every run starts with `EPOCH|NONE|NONE|NONE|QUEUESTART|EPOCH` (Asterisk writes
/// `QUEUESTART` when its queue module loads; ours adds the session's epoch). `EPOCH` is the
/// Unix second the run started, moved on past the last run's if the clock has not (a restart
/// within the same second, or a clock set back), so no two runs share a prefix.
///
/// A run killed mid-call leaves calls open (an `ENTERQUEUE` or `CONNECT` with no ending
/// line). The next run closes each with
/// `NOW|CALLID|QUEUE|AGENT|LOSTONRESTART|waiting or connected|epoch of its last line`
/// (ours; docs/QUEUE.md), so reports never join it with a later call.
public struct QueueLogSession: Sendable, Equatable {
    /// The run's epoch: the part of its call ids before the dot.
    public let epoch: Int
    /// Call ids the previous run left open, closed by this one (in the order they opened).
    public let closedCalls: [String]

    /// `EPOCH.`: put before the driver's call number to make the `queue_log` call id.
    public var callPrefix: String { "\(epoch)." }
}

/// Reads the end of `queue_log` for ``QueueLogSession``.
enum QueueLogScan {
    /// Lines that end a call in the queue.
    static let endings: Set<Substring> = ["COMPLETECALLER", "COMPLETEAGENT", "ABANDON", "EXITWITHTIMEOUT",
                                          "EXITEMPTY", "EXITWITHKEY", "LOSTONRESTART"]
    /// How much of the log's end is read to find the last run's start (64 MB); older lines are not.
    static let maxBytes = 64 << 20

    struct OpenCall {
        var id: String
        var queue: Substring
        var agent: Substring
        var connected: Bool
        var lastEpoch: Substring
        var order: Int
    }

    /// The lines since the last `QUEUESTART` (or the start of the file, or the last
    /// ``maxBytes``), and that line's session epoch if there was one.
    static func lastRun(of url: URL) -> (lines: [Substring], lastEpoch: Int?) {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return ([], nil) }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd(), size > 0 else { return ([], nil) }
        var data = Data()
        var position = size
        let chunk: UInt64 = 1 << 20
        while position > 0 && data.count < maxBytes {
            let start = position > chunk ? position - chunk : 0
            try? handle.seek(toOffset: start)
            let piece = handle.readData(ofLength: Int(position - start))
            data = piece + data
            position = start
            if piece.range(of: Data("|QUEUESTART|".utf8)) != nil { break }
        }
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        if position > 0, !lines.isEmpty { lines.removeFirst() }     // a line cut by the chunk edge
        if let start = lines.lastIndex(where: { $0.split(separator: "|", omittingEmptySubsequences: false).dropFirst(4).first == "QUEUESTART" }) {
            let fields = lines[start].split(separator: "|", omittingEmptySubsequences: false)
            let epoch = fields.count > 5 ? Int(fields[5]) : nil
            return (Array(lines[(start + 1)...]), epoch ?? Int(fields[0]))
        }
        return (lines, nil)
    }

    /// Calls entered (or connected) in `lines` and not ended there.
    static func openCalls(_ lines: [Substring]) -> [OpenCall] {
        var open: [Substring: OpenCall] = [:]
        var order = 0
        for line in lines {
            let fields = line.split(separator: "|", omittingEmptySubsequences: false)
            guard fields.count >= 5 else { continue }
            let call = fields[1], verb = fields[4]
            guard call != "NONE", !call.hasPrefix("callback-") else { continue }
            switch verb {
            case "ENTERQUEUE":
                open[call] = OpenCall(id: String(call), queue: fields[2], agent: "NONE", connected: false,
                                      lastEpoch: fields[0], order: order)
                order += 1
            case "CONNECT":
                open[call]?.connected = true
                open[call]?.agent = fields[3]
                open[call]?.lastEpoch = fields[0]
            case let verb where endings.contains(verb):
                open[call] = nil
            default:
                open[call]?.lastEpoch = fields[0]
            }
        }
        return open.values.sorted { $0.order < $1.order }
    }
}

extension Store {
    /// Starts a run of `ivr serve` in `queue_log`: closes the calls the last run left open
    /// (`LOSTONRESTART`), writes `QUEUESTART`, and returns the run's call-id epoch.
    public func startQueueLogSession(now: Date = Date()) -> QueueLogSession {
        let nowEpoch = Int(now.timeIntervalSince1970.rounded(.down))
        let run = QueueLogScan.lastRun(of: directory.queueLogURL)
        let epoch = max(nowEpoch, (run.lastEpoch ?? Int.min) + 1)
        let open = QueueLogScan.openCalls(run.lines)
        var text = ""
        var json = ""
        for call in open {
            let state = call.connected ? "connected" : "waiting"
            text += "\(nowEpoch)|\(call.id)|\(call.queue)|\(call.agent)|LOSTONRESTART|\(state)|\(call.lastEpoch)\n"
            json += "{\"time\":0,\"epoch\":\(nowEpoch),\"event\":\"LOSTONRESTART\",\"call\":\"\(Self.jsonSafe(call.id))\","
                + "\"queue\":\"\(Self.jsonSafe(call.queue))\",\"agent\":\"\(Self.jsonSafe(call.agent))\",\"state\":\"\(state)\",\"last_seen\":\(Int(call.lastEpoch) ?? 0)}\n"
        }
        text += "\(nowEpoch)|NONE|NONE|NONE|QUEUESTART|\(epoch)\n"
        json += "{\"time\":0,\"epoch\":\(nowEpoch),\"event\":\"QUEUESTART\",\"session\":\(epoch)}\n"
        queueLog.append(text: text, json: json)
        return QueueLogSession(epoch: epoch, closedCalls: open.map(\.id))
    }

    /// `text` without what would break a JSON string (read from a log line, so normally plain).
    private static func jsonSafe(_ text: some StringProtocol) -> String {
        String(text.unicodeScalars.filter { $0 != "\"" && $0 != "\\" && $0.value >= 0x20 }.map(Character.init))
    }
}
