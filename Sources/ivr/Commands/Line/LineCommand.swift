import ArgumentParser
import Foundation
import LiveRuntime
import Storage

/// `ivr line ring|hangup|answer|key|status`: the client of `ivr serve`'s control socket, for telephony bridges.
struct LineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "line",
        abstract: "Tell a running `ivr serve` that a call arrived or ended (see docs/LIVE.md).",
        subcommands: [Ring.self, HangUp.self, Answer.self, Key.self, Status.self])

    /// Where the server's socket is.
    struct SocketOptions: ParsableArguments {
        @Option(help: ArgumentHelp("Data directory of the server (default: $IVR_DATA, else ./data).", valueName: "DIR"))
        var data: String?

        @Option(help: ArgumentHelp("The control socket (default: DATA/control.sock).", valueName: "PATH"))
        var socket: String?

        /// Sends `command` and prints the reply; exits 1 when it starts with `error`.
        func send(_ command: String) throws {
            let path = socket ?? DataDirectory.resolve(explicit: data).url.appendingPathComponent("control.sock").path
            let reply: String
            do { reply = try ControlSocket.send(command, to: path) } catch {
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
                throw ExitCode(1)
            }
            if reply.hasPrefix("error") {
                FileHandle.standardError.write(Data(reply.utf8))
                throw ExitCode(1)
            }
            print(reply, terminator: "")
        }
    }

    struct Ring: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A call arrived on LINE (with the caller's number, if known).")
        @Argument(help: "The line's name in the serve configuration.") var line: String
        @Argument(help: "The caller's number (E.164 or national).") var caller: String?
        @OptionGroup var socket: SocketOptions
        func run() throws { try socket.send(["ring", line, caller].compactMap { $0 }.joined(separator: " ")) }
    }

    struct HangUp: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "hangup", abstract: "The caller on LINE hung up (or agent AGENT at their station).")
        @Argument(help: "The line's name (or an agent's id).") var line: String
        @OptionGroup var socket: SocketOptions
        func run() throws { try socket.send("hangup \(line)") }
    }

    struct Answer: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Agent AGENT answers the caller ringing at their station (agents with auto_answer: false).")
        @Argument(help: "The agent's id.") var agent: String
        @OptionGroup var socket: SocketOptions
        func run() throws { try socket.send("answer \(agent)") }
    }

    struct Key: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The caller on LINE pressed KEYS (sent out of band, e.g. RFC 4733).")
        @Argument(help: "The line's name.") var line: String
        @Argument(help: ArgumentHelp("Keys: 0-9 * # A-D, as one word (at most \(LineServer.maxKeys)).")) var keys: String
        @OptionGroup var socket: SocketOptions
        func validate() throws {
            if let problem = LineServer.keysProblem(keys) { throw ValidationError(problem) }
        }
        func run() throws { try socket.send("key \(line) \(keys)") }
    }

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lines (what each call is doing), queues, callers waiting and agents of the running server.")
        @OptionGroup var socket: SocketOptions
        func run() throws { try socket.send("status") }
    }
}
