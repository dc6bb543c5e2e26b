import ArgumentParser
import Storage

extension AgentCommand {
    /// `ivr agent list [--json]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List agents: state, since when, skills, reserved callback.")
        @OptionGroup var store: StoreLocationOptions
        @Flag(help: "Print JSON instead of a table.") var json = false

        func run() throws {
            let agents = try reportingRefusals { try store.openStore().agents() }
            if json { return try StoreText.printJSON(agents) }
            if agents.isEmpty { return print("no agents; add one with 'ivr agent add ID --name NAME'") }
            StoreText.printTable(["ID", "NAME", "STATE", "SINCE", "CALLBACK", "SKILLS"], agents.map {
                [$0.id, $0.name, $0.state.rawValue, StoreText.date($0.stateSince),
                 $0.reservedCallback.map(String.init) ?? "-", AgentText.skills($0.skills)]
            })
        }
    }
}
