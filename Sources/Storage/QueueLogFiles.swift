import CallQueue
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The append-only log files `queue_log` (Asterisk lines, `CallQueue.QueueLogFormatter`)
/// and `queue_log.jsonl` (`CallQueue.JSONLineFormatter`) in the data directory.
///
/// Each batch of lines is one `write(2)` on a descriptor opened with `O_APPEND`, so
/// lines from processes writing at once never interleave. The database is the
/// truth: lines are appended after their transaction commits, so a crash in that
/// instant can lose a line but never logs a change that did not happen.
struct QueueLogFiles: Sendable {
    let text: URL
    let json: URL

    /// Appends already formatted lines (each ending in a newline).
    func append(text lines: String, json jsonLines: String) {
        if !lines.isEmpty { Self.append(lines, to: text) }
        if !jsonLines.isEmpty { Self.append(jsonLines, to: json) }
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

extension Store {
    /// Appends events produced outside the store (by the live runtime's queue manager)
    /// to `queue_log` and `queue_log.jsonl`, formatted by `CallQueue`'s formatters.
    ///
    /// - Parameters:
    ///   - names: the manager's names (`EventNames(manager)`).
    ///   - epochOffset: Unix time of the driver's time 0.
    ///   - callerNumbers: the caller's number by call, for ENTERQUEUE's caller-id field
    ///     (a call not listed, or a withheld number, leaves it empty as Asterisk does).
    ///   - callPrefix: written before every call id (``QueueLogSession/callPrefix``).
    public func appendQueueLog(_ events: [QueueEvent], names: EventNames, epochOffset: Double,
                               callerNumbers: [CallID: String] = [:], callPrefix: String = "") {
        var number: (@Sendable (CallID) -> String)?
        if !callerNumbers.isEmpty {
            number = { @Sendable call in callerNumbers[call] ?? "" }
        }
        let text = QueueLogFormatter(names: names, epochOffset: epochOffset, callerNumber: number, callPrefix: callPrefix)
        let json = JSONLineFormatter(names: names, epochOffset: epochOffset, callPrefix: callPrefix)
        queueLog.append(text: events.map(text.lines(for:)).joined(), json: events.map(json.line(for:)).joined())
    }
}
