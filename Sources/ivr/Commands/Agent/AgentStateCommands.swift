import ArgumentParser
import CallQueue
import Storage

extension AgentCommand {
    /// `ivr agent login ID`: logged out → available (queue_log AGENTLOGIN).
    struct Login: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Log an agent in: available for callers and callbacks.")
        @Argument(help: "Agent id.") var id: String
        @OptionGroup var store: StoreLocationOptions
        func run() throws { try AgentStateChange.apply(id, .available, store) }
    }

    /// `ivr agent logout ID` (queue_log AGENTLOGOFF); a held callback returns to the pool.
    struct Logout: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Log an agent out; a callback they hold returns to the pool.")
        @Argument(help: "Agent id.") var id: String
        @OptionGroup var store: StoreLocationOptions
        func run() throws { try AgentStateChange.apply(id, .loggedOut, store) }
    }

    /// `ivr agent break ID` (queue_log PAUSE); a held callback returns to the pool.
    struct Break: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Put an agent on break (paused); a callback they hold returns to the pool.")
        @Argument(help: "Agent id.") var id: String
        @OptionGroup var store: StoreLocationOptions
        func run() throws { try AgentStateChange.apply(id, .onBreak, store) }
    }

    /// `ivr agent ready ID` (queue_log UNPAUSE, or AGENTLOGIN if logged out).
    struct Ready: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make an agent available again after a break or a call.")
        @Argument(help: "Agent id.") var id: String
        @OptionGroup var store: StoreLocationOptions
        func run() throws { try AgentStateChange.apply(id, .available, store) }
    }
}

/// Shared body of the agent state commands.
enum AgentStateChange {
    /// Sets the state and prints `ID: old → new`.
    static func apply(_ id: String, _ state: AgentState, _ options: StoreLocationOptions) throws {
        let (before, after) = try reportingRefusals {
            let store = try options.openStore()
            let before = try store.agent(id)
            return (before, try store.setAgentState(id, to: state, now: options.now))
        }
        if before.state == after.state {
            print("\(id): already \(after.state.rawValue)")
        } else {
            print("\(id): \(before.state.rawValue) → \(after.state.rawValue)")
        }
    }
}
