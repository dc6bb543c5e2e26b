import ArgumentParser
import Foundation
import LiveRuntime
import Storage

/// `ivr callback next --agent ID --dial`: asks the running `ivr serve` to ring the agent's SIP
/// phone and then the customer through the trunk, and follows the attempt until it ends.
enum CallbackDial {
    /// The longest an attempt is followed (ringing both phones and a long conversation).
    static let longestFollow: TimeInterval = 4 * 3600

    /// Starts dialling callback `id` for `agent` through the server on `data`'s control socket,
    /// printing each change (`ringing-agent`, `calling`, `talking`, `done OUTCOME`) to `progress`.
    static func run(id: Int64, agent: String, data: URL, progress: (String) -> Void) throws {
        let socket = data.appendingPathComponent("control.sock").path
        let started = try ask("dial-callback \(id) \(agent)", socket: socket, id: id)
        progress(started)
        var last = ""
        let deadline = Date().addingTimeInterval(longestFollow)
        while Date() < deadline {
            let state = try ask("dial-status \(id)", socket: socket, id: id)
            if state != last {
                last = state
                progress("callback \(id): \(state)")
            }
            if state.hasPrefix("done") { return }
            usleep(250_000)
        }
    }

    /// Sends one command; the reply without `ok `, or exit 1 with the server's error.
    private static func ask(_ command: String, socket: String, id: Int64) throws -> String {
        let reply: String
        do { reply = try ControlSocket.send(command, to: socket) } catch {
            fail("\(error.description); callback \(id) stays reserved (report it with `ivr callback done \(id) --outcome ...`)")
        }
        let text = reply.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("ok") else { fail(text.hasPrefix("error ") ? "error: " + text.dropFirst(6) : text) }
        return String(text.dropFirst(2)).trimmingCharacters(in: .whitespaces)
    }

    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        Foundation.exit(1)
    }
}
