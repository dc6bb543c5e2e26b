import Foundation

/// What happened on a scripted call, for people (``text``) and programs (``json``).
public struct Transcript: Sendable {
    /// One line of the transcript.
    public struct Event: Sendable, Equatable {
        /// Seconds from the start of the call.
        public var t: Double
        /// `step`, `prompt`, `digit`, `timeout`, `music`, `enqueue`, `leave-queue`, `beep`,
        /// `record`, `voicemail`, `callback`, `caller-hangup`, `hangup`, ...
        public var type: String
        /// The step, prompt, queue, mailbox or timer concerned.
        public var name: String?
        /// A key, a reason, a duration, a result.
        public var value: String?
    }

    /// How the call ended.
    public struct Outcome: Sendable, Equatable {
        /// `completed`, `voicemail`, `callback`, `queued`, `abandoned` or `hung-up`.
        public var result: String
        /// The queue the caller waited in, if any.
        public var queue: String?
        /// The mailbox a kept message went to, if any.
        public var mailbox: String?
        /// The callback's queue, if one was requested.
        public var callback: String?
        /// When the callback is due: `asap`, `keep-place`, or an ISO 8601 local time.
        public var callbackDue: String?
    }

    /// The flow's name.
    public var flow: String
    /// The caller ID used.
    public var callerID: String?
    /// When the call started, local time in the flow's zone, ISO 8601.
    public var startedAt: String
    /// The weekday and zone of ``startedAt``, e.g. `Monday, Europe/London` (text header only).
    public var startedIn: String = ""
    /// Every event in order.
    public var events: [Event]
    /// The outcome.
    public var outcome: Outcome

    /// Events of one type, in order (handy in tests).
    public func events(_ type: String) -> [Event] { events.filter { $0.type == type } }

    /// A readable transcript: one event a line, then the outcome.
    public var text: String {
        var lines = ["call to \(flow) from \(callerID ?? "withheld") at \(startedAt)" + (startedIn.isEmpty ? "" : " (\(startedIn))")]
        for event in events { lines.append(Self.line(event)) }
        var summary = "outcome: \(outcome.result)"
        if let queue = outcome.queue { summary += ", queue \(queue)" }
        if let mailbox = outcome.mailbox { summary += ", mailbox \(mailbox)" }
        if let callback = outcome.callback { summary += ", callback \(callback) due \(outcome.callbackDue ?? "asap")" }
        lines.append(summary)
        return lines.joined(separator: "\n") + "\n"
    }

    /// One JSON object: `flow`, `caller`, `start`, `events` [{t, type, name, value}], `outcome`.
    public var json: String {
        var parts: [String] = []
        for event in events {
            var fields = ["\"t\":\(Self.number(event.t))", "\"type\":\(Self.quote(event.type))"]
            if let name = event.name { fields.append("\"name\":\(Self.quote(name))") }
            if let value = event.value { fields.append("\"value\":\(Self.quote(value))") }
            parts.append("{" + fields.joined(separator: ",") + "}")
        }
        var outcomeFields = ["\"result\":\(Self.quote(outcome.result))"]
        if let queue = outcome.queue { outcomeFields.append("\"queue\":\(Self.quote(queue))") }
        if let mailbox = outcome.mailbox { outcomeFields.append("\"mailbox\":\(Self.quote(mailbox))") }
        if let callback = outcome.callback {
            outcomeFields.append("\"callback\":{\"queue\":\(Self.quote(callback)),\"due\":\(Self.quote(outcome.callbackDue ?? "asap"))}")
        }
        let caller = callerID.map(Self.quote) ?? "null"
        return "{\"flow\":\(Self.quote(flow)),\"caller\":\(caller),\"start\":\(Self.quote(startedAt)),"
            + "\"events\":[\(parts.joined(separator: ","))],\"outcome\":{\(outcomeFields.joined(separator: ","))}}"
    }

    /// `   12.34  type         name value`: one event as a line of text (every driver prints this).
    public static func line(_ event: Event) -> String {
        let time = String(format: "%8.2f", event.t)
        let type = event.type.count < 13 ? event.type.padding(toLength: 13, withPad: " ", startingAt: 0) : event.type + " "
        let detail = [event.name, event.value].compactMap { $0 }.joined(separator: " ")
        var line = "\(time)  \(type)\(detail)"
        while line.last == " " { line.removeLast() }
        return line
    }

    /// `2026-11-23T18:30:00` in `zone`.
    public static func localISO(_ date: Date, _ zone: TimeZone) -> String {
        format(date, zone, "yyyy-MM-dd'T'HH:mm:ss")
    }

    /// The English weekday name of `date` in `zone`, e.g. `Monday`.
    public static func weekday(_ date: Date, _ zone: TimeZone) -> String {
        format(date, zone, "EEEE")
    }

    private static func format(_ date: Date, _ zone: TimeZone, _ pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }

    /// A duration or time as transcripts print it: milliseconds at most, no trailing zeros.
    public static func number(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
