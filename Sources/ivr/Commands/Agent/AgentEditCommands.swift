import ArgumentParser
import Storage

extension AgentCommand {
    /// `ivr agent set ID [--name NAME] [--skills orders:1,payments:2 | --every-queue]`.
    struct Change: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Change an agent's name or skills (state and held callback are kept).",
            discussion: "--skills replaces every skill; --every-queue makes the agent serve every queue. A running `ivr serve` picks up skills when it starts.")

        @Argument(help: "Agent id.") var id: String
        @Option(help: "New display name.") var name: String?
        @Option(help: "New skills, replacing the old ones, e.g. orders:1,payments:2.") var skills: String?
        @Flag(help: "Serve every queue (clears the skills).") var everyQueue = false
        @OptionGroup var store: StoreLocationOptions

        func validate() throws {
            if skills != nil && everyQueue { throw ValidationError("give --skills or --every-queue, not both") }
            if name == nil && skills == nil && !everyQueue {
                throw ValidationError("nothing to change: give --name, --skills or --every-queue")
            }
        }

        func run() throws {
            let agent = try reportingRefusals {
                let parsed: [AgentSkill]? = everyQueue ? [] : try skills.map { try AgentSkill.parse($0, agentID: id) }
                return try store.openStore().updateAgent(id: id, name: name, skills: parsed)
            }
            print("agent \(agent.id) (\(agent.name)), \(agent.state.rawValue), serves \(AgentText.skills(agent.skills))")
        }
    }

    /// `ivr agent remove ID`: a logged-out agent.
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a logged-out agent (their past work keeps their id in the records and queue_log).")
        @Argument(help: "Agent id.") var id: String
        @OptionGroup var store: StoreLocationOptions

        func run() throws {
            try reportingRefusals { try store.openStore().removeAgent(id: id) }
            print("removed agent \(id)")
        }
    }
}
