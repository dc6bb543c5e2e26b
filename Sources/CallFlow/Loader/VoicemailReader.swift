import Yams

/// Reads a `voicemail` step: greeting, beep, lengths, silence rule, finish keys.
struct VoicemailReader {
    let context: StepContext
    var reader: YAMLReader { context.reader }
    var builder: FlowBuilder { context.builder }

    /// Longest message by default (Asterisk's 180 s).
    static let defaultMaxLength = 180.0
    /// Shorter messages are dropped (FreeSWITCH `min-record-len`).
    static let defaultMinLength = 3.0
    /// Silence that ends a message (Twilio's 5 s).
    static let defaultSilence = 5.0
    /// Level below which audio is silence, in dBFS.
    static let defaultSilenceThreshold = -40.0

    func read(_ value: Node) -> Step {
        let given = reader.string(value, "voicemail")
        if given?.isEmpty == true { reader.error(value, "voicemail needs a mailbox name, e.g. `voicemail: general`") }
        let mailboxName = given ?? ""
        let maxLength = context.duration("max_length", default: Self.defaultMaxLength)
        let minLength = context.duration("min_length", default: Self.defaultMinLength, allowZero: true)
        if minLength >= maxLength {
            reader.error(context.options["min_length"] ?? context.options["max_length"],
                         "min_length (\(DurationParser.format(minLength))) is not shorter than max_length (\(DurationParser.format(maxLength))): every message would be dropped")
        }
        let silence = context.duration("silence", default: Self.defaultSilence, allowZero: true)
        if silence >= maxLength, let node = context.options["silence"] {
            reader.warning(node, "silence (\(DurationParser.format(silence))) is not shorter than max_length: it never ends a message")
        }
        var threshold = Self.defaultSilenceThreshold
        if let node = context.options["silence_threshold"], let text = reader.string(node, "silence_threshold") {
            let number = text.lowercased().hasSuffix("db") ? String(text.dropLast(2)).trimmingSpaces : text
            if let value = Double(number), value <= 0, value >= -96 {
                threshold = value
            } else {
                reader.error(node, "silence_threshold '\(text)' must be a level in dBFS between -96dB and 0dB, e.g. -40dB")
            }
        }
        var finishKeys = KeySet("#")
        if let node = context.options["finish_keys"], let text = reader.string(node, "finish_keys") {
            finishKeys = KeySet(text)
            if text != "none" && text.contains(where: { DTMFKey($0) == nil }) {
                reader.error(node, "finish_keys '\(text)' must be keypad keys (0-9, *, #, A-D) or none")
            }
        }
        let next = context.next()
        let step = VoicemailStep(
            mailbox: builder.mailbox(mailboxName), greeting: context.prompts("greeting"),
            record: RecordRequest(mailbox: builder.mailbox(mailboxName), beep: context.bool("beep", default: true),
                                  maxLength: maxLength, minLength: minLength, silenceThreshold: threshold,
                                  silenceTime: silence, finishKeys: finishKeys),
            topic: builder.variableIndex["topic"].map { ValueSource.variable($0) } ?? .none,
            next: next, onTooShort: context.target("on_too_short", silent: true, fallback: next))
        builder.parts.voicemails.append(step)
        return .voicemail(builder.parts.voicemails.count - 1)
    }
}
