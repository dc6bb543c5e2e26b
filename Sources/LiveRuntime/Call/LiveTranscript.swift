import Foundation

/// What happened on a live call, with times on the line's sample clock: for the terminal and tests.
public struct LiveTranscript: Sendable {
    /// One line of the transcript.
    public struct Entry: Sendable, Equatable {
        /// Line time in seconds (frames / 8000).
        public var t: Double
        /// Line time in frames: capture frames for keys and timers, playback index for prompts.
        public var frame: Int
        /// What happened: `step`, `prompt`, `digit`, `stop-prompt`, `music`, `beep`, `record`,
        /// `record-end`, `voicemail`, `callback`, `enqueue`, `leave-queue`, `hangup`, `error`, ...
        public var type: String
        /// A name (step, prompt, queue, mailbox) or nil.
        public var name: String?
        /// Detail, or nil.
        public var value: String?
    }

    /// Every entry in order.
    public private(set) var entries: [Entry] = []

    /// An empty transcript.
    public init() {}

    /// Appends an entry.
    mutating func add(_ frame: Int, _ type: String, name: String? = nil, value: String? = nil) {
        entries.append(Entry(t: Double(frame) / 8000, frame: frame, type: type, name: name, value: value))
    }

    /// The entries of one type.
    public func entries(_ type: String) -> [Entry] { entries.filter { $0.type == type } }

    /// `   12.34  type         name value`, one line per entry.
    public static func line(_ entry: Entry) -> String {
        let time = String(format: "%8.2f", entry.t)
        let type = entry.type.count < 13 ? entry.type.padding(toLength: 13, withPad: " ", startingAt: 0) : entry.type + " "
        let detail = [entry.name, entry.value].compactMap { $0 }.joined(separator: " ")
        return "\(time)  \(type)\(detail)".trimmingCharacters(in: .whitespaces)
    }

    /// The whole transcript as text.
    public var text: String { entries.map(Self.line).joined(separator: "\n") + "\n" }
}
