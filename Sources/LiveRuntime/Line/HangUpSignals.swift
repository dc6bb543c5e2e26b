import Dispatch
import Foundation

/// Turns SIGINT (Ctrl-C), SIGTERM and SIGHUP into a hang-up on a line, so the message being
/// recorded is kept and the call ends cleanly instead of the process dying mid-write.
public final class HangUpSignals: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []

    /// Starts routing the signals to `control.hangUp()` (and `onSignal`, e.g. to print a note).
    public init(control: LineControl, onSignal: @escaping @Sendable (Int32) -> Void = { _ in }) {
        let queue = DispatchQueue(label: "switchboard.signals")
        for number in [SIGINT, SIGTERM, SIGHUP] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                onSignal(number)
                control.hangUp()
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Stops routing and restores the default actions.
    public func cancel() {
        for source in sources { source.cancel() }
        sources.removeAll()
        for number in [SIGINT, SIGTERM, SIGHUP] { signal(number, SIG_DFL) }
    }
}
