import ArgumentParser
import Foundation
import LiveRuntime
import Storage

extension AgentCommand {
    /// `ivr agent list [--json]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List agents: state, since when, skills, reserved callback.",
            discussion: "While `ivr serve` runs on the same data directory, a column NOW shows what each agent is doing on the line (ringing, on a call, wrap-up), as the server sees it.")
        @OptionGroup var store: StoreLocationOptions
        @Flag(help: "Print JSON instead of a table.") var json = false

        func run() throws {
            let agents = try reportingRefusals { try store.openStore().agents(now: store.now) }
            let socket = DataDirectory.resolve(explicit: store.data).url.appendingPathComponent("control.sock").path
            let live = ServerAgentStates.query(socketPath: socket)
            if json { return try StoreText.printJSON(agents.map { AgentListEntry(agent: $0, now: live?[$0.id]) }) }
            if agents.isEmpty { return print("no agents; add one with 'ivr agent add ID --name NAME'") }
            var header = ["ID", "NAME", "STATE", "SINCE", "CALLBACK", "SKILLS"]
            if live != nil { header.append("NOW (ivr serve)") }
            StoreText.printTable(header, agents.map { agent in
                var row = [agent.id, agent.name, agent.state.rawValue, StoreText.date(agent.stateSince),
                           agent.reservedCallback.map(String.init) ?? "-", AgentText.skills(agent.skills)]
                if let live { row.append(live[agent.id] ?? "-") }
                return row
            })
        }
    }
}

/// An agent as `ivr agent list --json` prints it: the store's fields, and `now` (what a running
/// `ivr serve` reports) when a server answers.
struct AgentListEntry: Encodable {
    let agent: AgentSummary
    let now: String?

    func encode(to encoder: Encoder) throws {
        try agent.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encodeIfPresent(now, forKey: .now)
    }

    private enum Key: String, CodingKey { case now }
}
