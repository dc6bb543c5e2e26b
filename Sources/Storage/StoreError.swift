import CallQueue

/// Why a store operation was refused. Every case says what was wrong and what to do;
/// a refused operation has changed nothing.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// The data directory cannot be created or opened.
    case dataDirectory(String, String)
    /// No agent with this id.
    case unknownAgent(String)
    /// An agent with this id already exists.
    case duplicateAgent(String)
    /// An agent id that is empty or has characters other than letters, digits, `.`, `_`, `-`.
    case invalidAgentID(String)
    /// No queue with this name; carries the valid names.
    case unknownQueue(String, valid: [String])
    /// A skills list that cannot be read.
    case invalidSkills(String)
    /// No callback with this id.
    case unknownCallback(Int64)
    /// The callback is already closed.
    case callbackClosed(Int64)
    /// The callback is not reserved, so it cannot take this outcome.
    case callbackNotReserved(Int64)
    /// The callback is reserved by another agent.
    case callbackReservedByOther(Int64, String)
    /// The agent cannot take callbacks in this state.
    case agentCannotWork(String, String)
    /// The agent is not logged out, so they cannot be removed (agent, state).
    case agentStillWorking(String, String)
    /// The agent holds a reserved callback, so they cannot be made available (agent, callback).
    case agentHoldsCallback(String, Int64)
    /// An unknown callback outcome; carries the valid ones.
    case unknownOutcome(String, valid: [String])
    /// An unknown voicemail status; carries the valid ones.
    case unknownVoicemailStatus(String, valid: [String])
    /// No voicemail with this id.
    case unknownVoicemail(Int64)
    /// The voicemail is still being recorded by a live process.
    case voicemailBeingRecorded(Int64)
    /// A voicemail path that the store did not choose or that does not exist.
    case invalidVoicemailFile(String, String)
    /// The export destination exists already.
    case exportDestinationExists(String)
    /// The data directory's `store.sqlite` is not an SQLite database, or is damaged: its path.
    case notAStore(String)
    /// A time outside `Store.storableYears`: what it is, and the time.
    case timeOutOfRange(String, String)
    /// A voicemail's file is a symbolic link or not a regular file: never played or copied out.
    case notARecording(String, String)
    /// Opening hours text that cannot be read.
    case invalidHours(String, String)
    /// A free-text field (agent name, topic, note) that is empty, too long or holds control characters:
    /// the option, and what is allowed.
    case invalidText(String, String)
    /// A voicemail could not be copied out: the destination and why.
    case exportFailed(String, String)
    /// A time zone identifier that the system does not know.
    case invalidTimeZone(String)
    /// A callback policy value out of range: the option, the value, and the allowed range.
    case invalidPolicy(String, Double, String)
    /// A queue setting out of range or unreadable (`ivr queue set`): what and what to write.
    case invalidSetting(String)

    /// A message a user can act on.
    public var description: String {
        switch self {
        case .dataDirectory(let path, let why):
            return "cannot use data directory \(path): \(why); pass another with --data DIR or IVR_DATA"
        case .unknownAgent(let id):
            return "no agent '\(id)'; see 'ivr agent list', or add one with 'ivr agent add \(id) --name NAME'"
        case .duplicateAgent(let id):
            return "agent '\(id)' exists already; pick another id or see 'ivr agent list'"
        case .invalidAgentID(let id) where AgentConfig.isReserved(id):
            return "'\(id)' cannot be an agent id: queue_log writes \(id.uppercased()) for \"no agent\" (reserved: \(AgentConfig.reservedIDs.joined(separator: ", "))); pick another id"
        case .invalidAgentID(let id):
            return "'\(id)' is not a valid agent id: use 1 to 32 letters, digits, '.', '_' or '-', starting with a letter or digit"
        case .unknownQueue(let name, let valid):
            return "no queue '\(name)'; valid queues: \(valid.joined(separator: ", "))"
        case .invalidSkills(let text):
            return "cannot read skills '\(text)': write QUEUE:LEVEL pairs separated by commas, e.g. orders:1,payments:2 (level 1 is first choice)"
        case .unknownCallback(let id):
            return "no callback \(id); see 'ivr callback list'"
        case .callbackClosed(let id):
            return "callback \(id) is closed already; nothing changed"
        case .callbackNotReserved(let id):
            return "callback \(id) is not reserved by any agent; reserve it with 'ivr callback next --agent ID' first (only 'cancelled' applies to a waiting callback)"
        case .callbackReservedByOther(let id, let agent):
            return "callback \(id) is reserved by agent '\(agent)', not by you; nothing changed"
        case .agentStillWorking(let id, let state):
            return "agent '\(id)' is \(state); log them out first ('ivr agent logout \(id)'), then remove them"
        case .agentHoldsCallback(let id, let callback):
            return "agent '\(id)' is working callback \(callback); finish it with 'ivr callback done \(callback) --outcome OUTCOME', or 'ivr agent break \(id)' to give it back to the pool"
        case .agentCannotWork(let id, let state):
            return "agent '\(id)' is \(state) and cannot take callbacks; run 'ivr agent login \(id)' or 'ivr agent ready \(id)' first"
        case .unknownOutcome(let text, let valid):
            return "unknown outcome '\(text)'; valid outcomes: \(valid.joined(separator: ", "))"
        case .unknownVoicemailStatus(let text, let valid):
            return "unknown voicemail status '\(text)'; valid: \(valid.joined(separator: ", "))"
        case .unknownVoicemail(let id):
            return "no voicemail \(id); see 'ivr voicemail list'"
        case .voicemailBeingRecorded(let id):
            return "voicemail \(id) is still being recorded (a call is on it); nothing changed; try again when the call has ended"
        case .invalidVoicemailFile(let path, let why):
            return "voicemail file '\(path)' cannot be indexed: \(why)"
        case .notARecording(let path, let why):
            return "voicemail file '\(path)' \(why); it is not played or exported: move it away and run 'ivr voicemail check --repair'"
        case .timeOutOfRange(let what, let time):
            return "\(what) \(time) is outside the years \(Store.storableYears.lowerBound)-\(Store.storableYears.upperBound) "
                + "the store keeps; check the system clock or --at; nothing changed"
        case .notAStore(let path):
            return "\(path) is not a Switchboard store (not an SQLite database, or damaged); nothing was changed: "
                + "move that file away (restore it from a backup if it was the store), or pass another folder with --data DIR"
        case .exportDestinationExists(let path):
            return "\(path) exists already; choose another file or remove it first"
        case .invalidHours(let text, let why):
            return "cannot read opening hours '\(text)': \(why); write e.g. 'mon-fri 08:00-20:00, sat 09:00-17:00'"
        case .invalidText(let field, let rule):
            return "\(field) \(rule); nothing changed"
        case .exportFailed(let path, let why):
            return "cannot export to \(path): \(why); nothing was written"
        case .invalidTimeZone(let zone):
            return "unknown time zone '\(zone)'; write an IANA name such as Europe/London or America/New_York"
        case .invalidPolicy(let option, let value, let range):
            return "\(option) \(value.formatted()) is out of range: \(range); nothing changed"
        case .invalidSetting(let what):
            return "\(what); nothing changed"
        }
    }
}
