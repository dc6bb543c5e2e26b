/// How a queue picks which idle agent gets the next caller.
///
/// Each case is implemented by a small picker type in `Strategies/`.
/// Names are ours; the system each comes from is given per case.
public enum RoutingStrategy: String, Sendable, Codable, CaseIterable {
    /// The agent idle the longest (since becoming available). Default.
    /// FreeSWITCH `longest-idle-agent`, Asterisk `leastrecent`.
    case longestIdle = "longest-idle"
    /// The next agent after the one picked last, in member order, cycling.
    /// Asterisk `rrmemory`, FreeSWITCH `round-robin`.
    case roundRobin = "round-robin"
    /// The agent with the fewest calls taken so far (ties: member order).
    /// Asterisk `fewestcalls`, FreeSWITCH `agent-with-fewest-calls`.
    case fewestCalls = "fewest-calls"
    /// The agent with the least talk time so far (ties: member order).
    /// FreeSWITCH `agent-with-least-talk-time`.
    case leastTalkTime = "least-talk-time"
    /// Always the first idle agent in member order.
    /// Asterisk `linear`, FreeSWITCH `top-down`.
    case linear
    /// A uniformly random idle agent, from the queue's seeded generator.
    /// Asterisk `random`, FreeSWITCH `random`.
    case random
    /// Best level first (1 = preferred), longest idle within a level; agents
    /// of level L become eligible once the caller has waited
    /// `(L - 1) × levelWideningStep`. Asterisk penalty rules / FreeSWITCH tiers.
    case skills
    /// Every idle eligible member with a station rings at once; the first to
    /// answer takes the caller and the others stop ringing (the manager
    /// returns `.ringStopped` for each). A callback goes to one agent, the
    /// longest idle. Asterisk `ringall`, FreeSWITCH `ring-all`.
    case ringAll = "ring-all"

    /// Every name, in the order of docs/QUEUE.md, for help and error texts.
    public static var namesList: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// Member states that make a queue count as "empty" for `joinEmpty` and
/// `leaveWhenEmpty` (Asterisk semantics: the queue is empty when every member
/// that can take live calls is in one of the listed states, or there are none).
///
/// The empty set never counts the queue as empty (Asterisk `joinempty = yes`,
/// `leavewhenempty = no`, the defaults).
public struct EmptyConditions: OptionSet, Sendable, Hashable {
    /// Bit set.
    public let rawValue: UInt8
    /// Wraps a bit set.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Members on break (Asterisk `paused`).
    public static let paused = EmptyConditions(rawValue: 1 << 0)
    /// Members logged out (Asterisk `unavailable`).
    public static let unavailable = EmptyConditions(rawValue: 1 << 1)
    /// Members on a call (Asterisk `inuse`).
    public static let inUse = EmptyConditions(rawValue: 1 << 2)
    /// Members being offered a call (Asterisk `ringing`).
    public static let ringing = EmptyConditions(rawValue: 1 << 3)
    /// Members in wrap-up (Asterisk `wrapup`).
    public static let wrapUp = EmptyConditions(rawValue: 1 << 4)

    /// Asterisk `yes` for `joinempty` / `no` for `leavewhenempty`: never empty.
    public static let never: EmptyConditions = []
    /// Asterisk `joinempty = no` (`penalty,paused,invalid`) with logged-out
    /// members counted as absent: nobody logged in, or everyone on break.
    public static let noOneReady: EmptyConditions = [.paused, .unavailable]
    /// Asterisk `strict`-like: also empty when everyone is on break, logged
    /// out or in wrap-up.
    public static let strict: EmptyConditions = [.paused, .unavailable, .wrapUp]

    /// The Asterisk words for this set: `yes` (never empty), `no`, `strict`, or a comma list.
    public var asteriskText: String {
        switch self {
        case .never: return "yes"
        case .noOneReady: return "no"
        case .strict: return "strict"
        default:
            let words: [(EmptyConditions, String)] = [(.paused, "paused"), (.unavailable, "unavailable"),
                                                      (.inUse, "inuse"), (.ringing, "ringing"), (.wrapUp, "wrapup")]
            return words.filter { contains($0.0) }.map(\.1).joined(separator: ",")
        }
    }

    /// Reads Asterisk's `leavewhenempty`, whose yes/no mean the opposite of `joinempty`'s:
    /// `no` (or empty) never puts a caller out, `yes` when no one is ready; other values as
    /// ``init(asterisk:)``.
    public init?(asteriskLeaveWhenEmpty text: String) {
        switch text.lowercased() {
        case "no", "": self = .never
        case "yes": self = .noOneReady
        default: self.init(asterisk: text)
        }
    }

    /// Parses `yes`/`no`/`strict` or a comma list of
    /// `paused,unavailable,inuse,ringing,wrapup`; `nil` when a word is unknown.
    public init?(asterisk text: String) {
        switch text.lowercased() {
        case "yes", "": self = .never; return
        case "no": self = .noOneReady; return
        case "strict": self = .strict; return
        default: break
        }
        var set: EmptyConditions = []
        for word in text.lowercased().split(separator: ",") {
            switch word.trimmingSpaces() {
            case "paused": set.insert(.paused)
            case "unavailable": set.insert(.unavailable)
            case "inuse": set.insert(.inUse)
            case "ringing": set.insert(.ringing)
            case "wrapup": set.insert(.wrapUp)
            default: return nil
            }
        }
        self = set
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var s = self
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return s
    }
}
