import ArgumentParser
import CallFlow
import Foundation
import LiveRuntime
import SoundIO

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
            var warnings = compilation.warnings.count
            if available != nil {
                let (errors, empty) = Self.checkAudio(program, folder: prompts.resolved.path)
                for line in errors + empty { FileHandle.standardError.write(Data((line + "\n").utf8)) }
                warnings += empty.count
                if !errors.isEmpty {
                    FileHandle.standardError.write(Data("\(file): \(errors.count) prompt file\(errors.count == 1 ? "" : "s") cannot be played; record or import them again (`ivr prompt import FILE NAME`)\n".utf8))
                    throw ExitCode(1)
                }
            }
            var summary = "\(file): ok: flow '\(program.name)', \(program.stepNames.count) steps, \(program.promptNames.count) prompts, \(program.queueNames.count) queues (\(program.queueNames.joined(separator: ", "))), \(program.scheduleNames.count) schedule\(program.scheduleNames.count == 1 ? "" : "s")"
            if warnings > 0 { summary += ", \(warnings) warning\(warnings == 1 ? "" : "s")" }
            if available == nil { summary += " (prompts not checked: no prompt folder at ./prompts)" }
            print(summary)
        }

        /// Opens every prompt and hold music the flow plays, as a live call would: the files
        /// that cannot be read (errors) and those with no audio (warnings).
        static func checkAudio(_ program: FlowProgram, folder: String) -> (errors: [String], empty: [String]) {
            let library = PromptLibrary(folder: folder)
            var errors: [String] = [], empty: [String] = []
            for name in program.promptNames {
                guard let prompt = PromptName(name) else { continue }
                do {
                    if try library.load(prompt).isEmpty {
                        empty.append("\(library.path(for: prompt)): warning: prompt '\(name)' has no audio; the caller hears nothing there")
                    }
                } catch {
                    errors.append(error.description)
                }
            }
            for name in program.musicNames {
                do { _ = try PromptSet.loadMusic(name, in: folder) } catch { errors.append(error.description) }
            }
            return (errors, empty)
        }
    }
}
