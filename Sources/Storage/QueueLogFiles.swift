import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One queue event as written to the logs, in Asterisk's `queue_log` shape:
/// `epoch|callid|queue|agent|EVENT|data1|data2|…`.
public struct QueueLogLine: Sendable, Hashable, Codable {
    /// When it happened.
    public var time: Date
    /// The call id, or `NONE` for agent events.
    public var callID: String
    /// The queue, or `NONE`.
    public var queue: String
    /// The agent, or `NONE`.
    public var agent: String
    /// The event name, e.g. `AGENTLOGIN`, `ENTERQUEUE`.
    public var event: String
    /// The event's data fields.
    public var data: [String]

    /// Creates a line.
    public init(time: Date, callID: String = "NONE", queue: String = "NONE", agent: String = "NONE",
                event: String, data: [String] = []) {
        self.time = time
        self.callID = callID
        self.queue = queue
        self.agent = agent
        self.event = event
        self.data = data
    }

    /// The Asterisk line (without newline); `|` and newlines inside fields become spaces.
    public var asteriskLine: String {
        let epoch = String(Int64(time.timeIntervalSince1970.rounded(.down)))
        return ([epoch, callID, queue, agent, event] + data).map(Self.clean).joined(separator: "|")
    }

    /// The JSON line (without newline): `{"time":…,"callid":…,"queue":…,"agent":…,"event":…,"data":[…]}`.
    public var jsonLine: String {
        struct Shape: Encodable {
            let time: Double, callid: String, queue: String, agent: String, event: String, data: [String]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let shape = Shape(time: time.timeIntervalSince1970, callid: callID, queue: queue, agent: agent,
                          event: event, data: data)
        return (try? String(decoding: encoder.encode(shape), as: UTF8.self)) ?? "{}"
    }

    private static func clean(_ field: String) -> String {
        String(field.map { $0 == "|" || $0.isNewline ? " " : $0 })
    }
}

/// The append-only log files `queue_log` and `queue_log.jsonl` in the data directory.
///
/// Each batch of lines is one `write(2)` on a descriptor opened with `O_APPEND`, so
/// lines from processes writing at once never interleave. The database is the
/// truth: lines are appended after their transaction commits, so a crash in that
/// instant can lose a line but never logs a change that did not happen.
struct QueueLogFiles: Sendable {
    let text: URL
    let json: URL

    func append(_ lines: [QueueLogLine]) {
        guard !lines.isEmpty else { return }
        Self.append(lines.map { $0.asteriskLine + "\n" }.joined(), to: text)
        Self.append(lines.map { $0.jsonLine + "\n" }.joined(), to: json)
    }

    private static func append(_ text: String, to url: URL) {
        let fd = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            FileHandle.standardError.write(Data("warning: cannot append to \(url.path): \(String(cString: strerror(errno)))\n".utf8))
            return
        }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { return }
            written += result
        }
    }
}
