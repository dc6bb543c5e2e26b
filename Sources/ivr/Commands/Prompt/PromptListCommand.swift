import ArgumentParser
import SoundIO

/// `ivr prompt list [--flow FLOW]`.
struct PromptListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List prompts: present or missing, length, level and warnings.")

    @OptionGroup var prompts: PromptFolderOption

    func run() throws {
        do {
            let statuses = try prompts.library.statuses()
            print(PromptListReport(statuses: statuses).text, terminator: "")
        } catch {
            throw promptFailure(error)
        }
    }
}
