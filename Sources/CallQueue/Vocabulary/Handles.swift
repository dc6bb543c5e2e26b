/// Integer handles for the queue manager's hot path.
///
/// Names (queue names, agent ids, topics) are interned once at configuration;
/// every input afterwards carries only these small integers, so the manager
/// does no string work and no hashing while calls flow.

/// A queue, by its index in the manager's configuration order.
public struct QueueHandle: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Position of the queue in `QueueManager.queueNames`.
    public let index: Int32
    /// Wraps an index; the manager hands these out, callers rarely build one.
    public init(_ index: Int) { self.index = Int32(truncatingIfNeeded: index) }
    /// Orders by index.
    public static func < (a: Self, b: Self) -> Bool { a.index < b.index }
    /// `queue#N`, for debugging; formatters print the queue's name instead.
    public var description: String { "queue#\(index)" }
}

/// An agent, by its index in the manager's agent table.
public struct AgentHandle: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Position of the agent in `QueueManager.agentIDs`.
    public let index: Int32
    /// Wraps an index; the manager hands these out when agents are added.
    public init(_ index: Int) { self.index = Int32(truncatingIfNeeded: index) }
    /// Orders by index.
    public static func < (a: Self, b: Self) -> Bool { a.index < b.index }
    /// `agent#N`, for debugging; formatters print the agent's id instead.
    public var description: String { "agent#\(index)" }
}

/// The driver's own identifier of a call (the simulator's call number, the
/// live runtime's unique id). Carried through assignments and events untouched.
public struct CallID: Hashable, Sendable, CustomStringConvertible {
    /// The driver's number for the call.
    public let raw: UInt64
    /// Wraps the driver's number.
    public init(_ raw: UInt64) { self.raw = raw }
    /// The number in decimal, as written in `queue_log` lines.
    public var description: String { String(raw) }
}

/// A caller's place in a queue, returned by `QueueManager.join`.
///
/// Valid while the caller waits or is being offered to an agent; after the
/// caller is connected (or leaves), the ticket is dead and the call is
/// referred to by its agent.
public struct CallTicket: Hashable, Sendable {
    /// Slot in the manager's call table.
    let slot: Int32
    /// Reuse counter of that slot, so a stale ticket is detected.
    let generation: UInt32
}

/// A callback request, numbered by the manager in order of creation
/// (or given back by `QueueManager.restoreCallback` when loading a store).
public struct CallbackID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The callback's number, unique within a manager (and within a store).
    public let raw: UInt64
    /// Wraps a number.
    public init(_ raw: UInt64) { self.raw = raw }
    /// Orders by number (creation order).
    public static func < (a: Self, b: Self) -> Bool { a.raw < b.raw }
    /// The number in decimal.
    public var description: String { String(raw) }
}

/// What a caller wants to talk about (from the flow's menu), interned at
/// configuration with `QueueManager.topic(named:)`; `.none` when unknown.
public struct TopicHandle: Hashable, Sendable {
    /// Index in `QueueManager.topicNames`, or -1 for no topic.
    public let index: Int32
    /// Wraps an index.
    @inlinable
    public init(_ index: Int) { self.index = Int32(truncatingIfNeeded: index) }
    /// No particular topic (a constant the caller's code folds, not a global behind an accessor).
    @inlinable
    public static var none: TopicHandle { TopicHandle(-1) }
}
