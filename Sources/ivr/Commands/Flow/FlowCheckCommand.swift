import ArgumentParser
import CallFlow
import Foundation

extension FlowCommand {
    /// `ivr flow check FILE [--prompts DIR]`: every problem at once; exit 1 on errors.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a flow: syntax, steps, menus, timers, hours, loops and missing prompts.",
            discussion: "Prints every problem as FILE:LINE:COLUMN: error: message (and warnings). Exit status 1 when there is an error; a valid flow prints a one-line summary.")

        @Argument(help: "The flow file (YAML).")
        var file: String

        @OptionGroup var prompts: PromptLibraryOption

        func run() throws {
            let available = try prompts.availableNames()
            let compilation = FlowCompiler.compile(fileAt: file, availablePrompts: available)
            for diagnostic in compilation.diagnostics {
                FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
            }
            guard let program = compilation.program else {
                let count = compilation.errors.count
                FileHandle.standardError.write(Data("\(file): \(count) error\(count == 1 ? "" : "s"), \(compilation.warnings.count) warning\(compilation.warnings.count == 1 ? "" : "s")\n".utf8))
                throw ExitCode(1)
            }
            let warnings = compilation.warnings.count
            var summary = "\(file): ok: flow '\(program.name)', \(program.stepNames.count) steps, \(program.promptNames.count) prompts, \(program.queueNames.count) queues (\(program.queueNames.joined(separator: ", "))), \(program.scheduleNames.count) schedule\(program.scheduleNames.count == 1 ? "" : "s")"
            if warnings > 0 { summary += ", \(warnings) warning\(warnings == 1 ? "" : "s")" }
            if available == nil { summary += " (prompts not checked: no prompt folder at ./prompts)" }
            print(summary)
        }
    }
}
