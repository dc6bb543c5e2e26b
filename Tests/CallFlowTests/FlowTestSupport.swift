import Foundation
import Testing
@testable import CallFlow

/// Helpers shared by the CallFlow tests.
enum FlowTest {
    static let london = TimeZone(identifier: "Europe/London")!

    /// Compiles `yaml` and fails the test (returning nil) when it has errors.
    static func program(_ yaml: String, prompts: Set<String>? = nil) -> FlowProgram? {
        let compilation = FlowCompiler.compile(yaml: yaml, file: "test.yaml", availablePrompts: prompts)
        #expect(compilation.errors.isEmpty, "\(compilation.errors.map(\.description))")
        return compilation.program
    }

    /// Diagnostics of `yaml` as `LINE:COLUMN: severity: message` strings.
    static func diagnostics(_ yaml: String, prompts: Set<String>? = nil) -> [Diagnostic] {
        FlowCompiler.compile(yaml: yaml, file: "test.yaml", availablePrompts: prompts).diagnostics
    }

    /// A local time in London.
    static func date(_ text: String) -> Date {
        ScriptedCall.parseLocalTime(text, in: london)!
    }

    /// Runs a scripted call; every prompt lasts `promptLength` seconds.
    static func call(_ program: FlowProgram, _ keys: String, at: String = "2026-11-23T10:00",
                     caller: String? = "+441632960123", promptLength: Double = 2) -> Transcript {
        var options = ScriptedCall.Options(callerID: caller, start: date(at))
        options.defaultPromptLength = promptLength
        return ScriptedCall(program: program, options: options).run(try! KeyScript(keys))
    }

    /// `"type name value"` lines of the events of the given types, with times.
    static func lines(_ transcript: Transcript, _ types: Set<String>) -> [String] {
        transcript.events.filter { types.contains($0.type) }.map { event in
            ([Transcript.number(event.t), event.type] + [event.name, event.value].compactMap { $0 }).joined(separator: " ")
        }
    }
}
