import CallFlow
import Foundation

/// Keys typed on the terminal, pressed on a line: for a person trying a flow at a headset.
///
/// Only when standard input is a terminal: it is switched to unbuffered, no-echo input (Ctrl-C
/// still works) until ``stop()``, and a reader thread presses `0`-`9`, `*`, `#`, `A`-`D`.
public final class TerminalKeypad: @unchecked Sendable {
    private var saved = termios()
    private var active = false

    /// Starts reading keys if standard input is a terminal; otherwise does nothing.
    public init(control: LineControl) {
        guard isatty(STDIN_FILENO) == 1, tcgetattr(STDIN_FILENO, &saved) == 0 else { return }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        guard tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0 else { return }
        active = true
        let thread = Thread {
            var byte: UInt8 = 0
            while read(STDIN_FILENO, &byte, 1) == 1 {
                if let key = DTMFKey(Character(Unicode.Scalar(byte))) { control.press(key) }
            }
        }
        thread.name = "switchboard.keypad"
        thread.start()
    }

    /// Whether keys are being read from the terminal.
    public var isActive: Bool { active }

    /// Restores the terminal.
    public func stop() {
        guard active else { return }
        active = false
        tcsetattr(STDIN_FILENO, TCSANOW, &saved)
    }
}
