import Foundation
import Logging

/// Keeps log messages in memory so a test can check what was logged.
final class LogRecord: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    var messages: [String] { lock.withLock { lines } }

    func append(_ line: String) { lock.withLock { lines.append(line) } }

    /// A logger writing into this record.
    var logger: Logger {
        Logger(label: "test") { _ in RecordingLogHandler(record: self) }
    }
}

/// A `LogHandler` appending `LEVEL message` lines to a `LogRecord`.
struct RecordingLogHandler: LogHandler {
    let record: LogRecord
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        record.append("\(event.level) \(event.message)")
    }
}
