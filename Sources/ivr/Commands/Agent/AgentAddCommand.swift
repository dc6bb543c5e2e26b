import ArgumentParser
import Storage

extension AgentCommand {
    /// `ivr agent add ID --name NAME [--skills orders:1,payments:2]`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an agent (logged out).",
            discussion: "Skills are QUEUE:LEVEL pairs; level 1 is first choice. Without --skills the agent serves every queue.")

        @Argument(help: "Agent id: 1 to 32 letters, digits, '.', '_' or '-', starting with a letter or digit.") var id: String
        @Option(help: "Display name.") var name: String
        @Option(help: "Queues served, e.g. orders:1,payments:2.") var skills: String?
        @OptionGroup var store: StoreLocationOptions

        func run() throws {
            let agent = try reportingRefusals {
                let parsed = try skills.map { try AgentSkill.parse($0, agentID: id) } ?? []
                return try store.openStore().addAgent(id: id, name: name, skills: parsed, now: store.now)
            }
            print("added agent \(agent.id) (\(agent.name)), \(agent.state.rawValue), serves \(AgentText.skills(agent.skills))")
        }
    }
}

/// Text helpers for agent output.
enum AgentText {
    /// `orders:1, payments:2`, or `every queue`.
    static func skills(_ skills: [String: Int]) -> String {
        skills.isEmpty ? "every queue" : skills.sorted { ($0.value, $0.key) < ($1.value, $1.key) }
            .map { "\($0.key):\($0.value)" }.joined(separator: ", ")
    }
}
