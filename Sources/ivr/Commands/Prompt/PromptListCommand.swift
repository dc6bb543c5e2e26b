import ArgumentParser
import CallFlow
import Foundation
import SoundIO

/// `ivr prompt list [--flow FLOW]`.
struct PromptListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List prompts: present or missing, length, level and warnings.",
        discussion: """
            Without --flow: every prompt in manifest.yaml and every <name>.wav in the folder. With \
            --flow: the prompts that flow plays (hold music in music/ is not listed).
            """)

    @OptionGroup var prompts: PromptFolderOption

    @Option(help: ArgumentHelp("Only the prompts this flow file plays.", valueName: "flow.yaml"))
    var flow: String?

    func run() throws {
        do {
            let required = try flow.map(Self.promptsPlayed(by:))
            var statuses = try prompts.library.statuses(required: required)
            if let required { statuses.removeAll { !required.contains($0.name) } }
            print(PromptListReport(statuses: statuses, flow: flow).text, terminator: "")
        } catch {
            throw promptFailure(error)
        }
    }

    /// The prompt names a flow plays, from the flow compiler; its errors are printed as they are.
    static func promptsPlayed(by path: String) throws -> Set<PromptName> {
        let compilation = FlowCompiler.compile(fileAt: path)
        guard let program = compilation.program else {
            throw ValidationError(compilation.errors.map(\.description).joined(separator: "\n"))
        }
        return Set(program.promptNames.compactMap(PromptName.init))
    }
}
