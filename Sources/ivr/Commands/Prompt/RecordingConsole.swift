import Foundation

/// Terminal output for the recording booth: plain lines, and a live level meter only on a terminal.
final class RecordingConsole: @unchecked Sendable {
    private let isTerminal = isatty(STDOUT_FILENO) == 1
    private let lock = NSLock()
    private var lastDraw = -1.0

    /// Prints a line at once.
    func say(_ line: String) {
        print(line)
        fflush(nil)
    }

    /// Redraws `● 3.2 s  -23 dBFS ▮▮▮▮` about ten times a second (terminal only).
    func meter(_ seconds: Double, _ rmsDBFS: Double) {
        guard isTerminal else { return }
        lock.withLock {
            guard seconds - lastDraw >= 0.1 else { return }
            lastDraw = seconds
            let level = rmsDBFS.isFinite ? rmsDBFS : -90
            let bars = String(repeating: "#", count: Swift.max(0, Int((level + 60) / 2)))
            print(String(format: "\r  %6.1f s  %6.1f dBFS  ", seconds, level) + bars.padding(toLength: 30, withPad: " ", startingAt: 0),
                  terminator: "")
            fflush(nil)
        }
    }

    /// Ends the meter line.
    func endMeter() {
        if isTerminal { print("") }
    }
}

/// Watches standard input on its own thread; `pressed` turns true when a line (Enter) arrives.
/// End of input (no terminal, a closed pipe) is not a key press.
final class EnterKeyWatcher: @unchecked Sendable {
    private let lock = NSLock()
    private var seen = false

    init() {
        let thread = Thread { [self] in
            if readLine() != nil { lock.withLock { seen = true } }
        }
        thread.name = "switchboard.enter-key"
        thread.start()
    }

    var pressed: Bool { lock.withLock { seen } }
}
