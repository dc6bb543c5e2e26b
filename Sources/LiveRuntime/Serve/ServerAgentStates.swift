import Foundation

/// What a running `ivr serve` says its agents are doing, for `ivr agent list` in another
/// terminal: the store holds each agent's logged-in state (login, break, logout), the server
/// the call in progress (ringing, on a call, wrap-up).
public enum ServerAgentStates {
    /// Agent id → what the server reports after the id in its `status` reply, e.g.
    /// `on-call call 3`, `ringing call 2`, `available (callbacks only)`.
    public static func parse(statusReply: String) -> [String: String] {
        var states: [String: String] = [:]
        for line in statusReply.split(separator: "\n") where line.hasPrefix("agent ") {
            let words = line.dropFirst("agent ".count).split(separator: " ", maxSplits: 1)
            guard words.count == 2 else { continue }
            states[String(words[0])] = String(words[1])
        }
        return states
    }

    /// Asks the server listening at `socketPath`; nil when no server answers there.
    public static func query(socketPath: String) -> [String: String]? {
        guard FileManager.default.fileExists(atPath: socketPath),
              let reply = try? ControlSocket.send("status", to: socketPath), reply.hasPrefix("ok") else { return nil }
        return parse(statusReply: reply)
    }
}
