import CallFlow
import Foundation

/// The thread-safe handle on a running line: hang it up, or press keys typed elsewhere.
///
/// The line thread polls it once per period, so a request takes effect within one period.
public final class LineControl: @unchecked Sendable {
    private let lock = NSLock()
    private var hangUpRequested = false
    private var keys: [PhoneKey] = []

    /// A control with nothing requested.
    public init() {}

    /// Asks the line to hang up (the bridge said the caller left, or Ctrl-C).
    public func hangUp() { lock.withLock { hangUpRequested = true } }

    /// Presses a key as if it came from the caller (a key typed on the terminal).
    public func press(_ key: PhoneKey) { lock.withLock { keys.append(key) } }

    /// Whether a hang-up was asked for.
    public var isHangUpRequested: Bool { lock.withLock { hangUpRequested } }

    /// Takes the keys pressed since the last call.
    func takeKeys() -> [PhoneKey] {
        lock.withLock {
            defer { keys.removeAll() }
            return keys
        }
    }
}
