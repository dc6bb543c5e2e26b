import CallFlow
import Foundation

/// The thread-safe handle on a running line: hang it up, or press keys typed elsewhere.
///
/// The line thread polls it once per period, so a request takes effect within one period.
public final class LineControl: @unchecked Sendable {
    private let lock = NSLock()
    private var hangUpRequested = false
    private var keys: [DTMFKey] = []
    private var events: [CallEvent] = []
    private var station: StationLink?

    /// A control with nothing requested.
    public init() {}

    /// Asks the line to hang up (the bridge said the caller left, or Ctrl-C).
    public func hangUp() { lock.withLock { hangUpRequested = true } }

    /// Presses a key as if it came from the caller (a key typed on the terminal).
    public func press(_ key: DTMFKey) { lock.withLock { keys.append(key) } }

    /// Delivers an event from outside the line (the queue connected an agent) at the next period.
    public func post(_ event: CallEvent) { lock.withLock { events.append(event) } }

    /// Bridges the caller with an agent's station from the next period on (nil ends the bridge).
    public func bridge(to station: StationLink?) { lock.withLock { self.station = station } }

    /// The station the caller is bridged to, if any.
    public var bridgedStation: StationLink? { lock.withLock { station } }

    /// Takes the events posted since the last call.
    func takeEvents() -> [CallEvent] {
        lock.withLock {
            defer { events.removeAll() }
            return events
        }
    }

    /// Whether a hang-up was asked for.
    public var isHangUpRequested: Bool { lock.withLock { hangUpRequested } }

    /// Takes the keys pressed since the last call.
    func takeKeys() -> [DTMFKey] {
        lock.withLock {
            defer { keys.removeAll() }
            return keys
        }
    }
}
