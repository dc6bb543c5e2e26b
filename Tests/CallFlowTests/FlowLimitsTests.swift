import Foundation
import Testing
@testable import CallFlow

/// Inputs that used to crash the loader (deep recursion) or echo raw bytes: each is refused
/// with a located error, and nothing runs out of stack.
@Suite struct FlowLimitsTests {
    /// `count` goto steps in a chain, then a hangup.
    static func gotoChain(_ count: Int) -> String {
        var yaml = "name: long\nsteps:\n"
        yaml.reserveCapacity(count * 24)
        for i in 0..<count { yaml += "  s\(i):\n    goto: s\(i + 1)\n" }
        return yaml + "  s\(count):\n    hangup: completed\n"
    }

    /// (`ivrTests` runs the 50,000 steps that crashed `ivr`; parsing them takes seconds in a debug build.)
    @Test func stepsPastTheLimitAreRefusedAtTheFirstStepPastIt() {
        let diagnostics = FlowTest.diagnostics(Self.gotoChain(12_000))
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        let error = errors.first
        // Step 10,001 (`s10000`) is on line 3 + 2 × 10,000.
        #expect(error?.line == 3 + 2 * FlowLimits.maxSteps)
        #expect(error?.column == 3)
        #expect(error?.message.hasPrefix("the flow has 12001 steps; at most 10000") == true)
    }

    @Test func aChainOfInstantStepsLongerThanTheInterpreterRunsIsRefused() {
        let errors = FlowTest.diagnostics(Self.gotoChain(300)).filter { $0.severity == .error }
        #expect(errors.map(\.line) == [3])
        #expect(errors.first?.message.contains("can pass 301 goto/set/hours steps in a row without waiting; at most 256") == true)
        #expect(FlowTest.diagnostics(Self.gotoChain(200)).filter { $0.severity == .error }.isEmpty)
    }

    @Test func cycleSearchHandlesLongGraphsWithoutRecursion() {
        // One cycle through 300,000 steps: the recursive search overflowed the stack long before.
        let count = 300_000
        let links = (0..<count).map { [($0 + 1) % count] }
        let cycles = FlowGraphCheck.cycles(links)
        #expect(cycles.count == 1)
        #expect(cycles.first?.count == count)
        // A chain with a self-loop at its end.
        var chain = (0..<count).map { [$0 + 1] }
        chain[count - 1] = [count - 1]
        #expect(FlowGraphCheck.cycles(chain) == [[count - 1]])
    }

    @Test func aLongSilentLoopIsNamedShortly() {
        var yaml = "steps:\n"
        for i in 0..<40 { yaml += "  m\(i):\n    play: p\n    next: m\((i + 1) % 40)\n" }
        let errors = FlowTest.diagnostics(yaml).filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.message.hasPrefix("steps m0 → m1 → m2 → m3 → m4 → … (31 more) … → m36 → m37 → m38 → m39 → m0 can cycle forever") == true,
                "\(errors.map(\.message))")
    }

    @Test func deepBracketNestingIsRefusedWhereItGoesTooDeep() {
        let yaml = "name: deep\nsteps: " + String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000) + "\n"
        let errors = FlowTest.diagnostics(yaml)
        #expect(errors.count == 1)
        #expect(errors.first?.line == 2)
        #expect(errors.first?.column == 8 + YAMLInputCheck.maxDepth - 1)
        #expect(errors.first?.message.hasPrefix("lists and mappings nest more than 64 levels deep") == true)
    }

    @Test func deepIndentationAndDashesAreRefused() {
        var yaml = "steps:\n"
        for depth in 1...100 { yaml += String(repeating: " ", count: depth) + "k\(depth):\n" }
        #expect(FlowTest.diagnostics(yaml).first?.message.hasPrefix("lists and mappings nest more than 64") == true)
        let dashes = "steps: x\nlist:\n" + String(repeating: "- ", count: 5000) + "x\n"
        let errors = FlowTest.diagnostics(dashes)
        #expect(errors.first?.line == 3)
        #expect(errors.first?.message.hasPrefix("lists and mappings nest more than 64") == true)
        // Ordinary flows and dashes inside text are not counted.
        #expect(YAMLInputCheck.check("steps:\n  a:\n    play: [a, b]\n    text: one - two - three\n") == nil)
    }

    @Test func controlCharactersAreReportedWhereTheyAreAndEscaped() {
        let nulls = String(repeating: "\u{0}", count: 10_000)
        let all = FlowTest.diagnostics(nulls)
        #expect(all.count == 1)
        #expect(all.first?.description == "test.yaml:1:1: error: control character U+0000 (NUL) is not allowed in YAML text: remove it (was the file saved as text?)")
        let inside = "name: x\nsteps:\n  a:\n    play: gr\u{1B}eting\n"
        let error = FlowTest.diagnostics(inside).first
        #expect(error?.line == 4)
        #expect(error?.column == 13)
        #expect(error?.message.contains("U+001B (ESC)") == true)
        // A control character written as an escape in a quoted name is printed escaped, not raw.
        let escaped = FlowTest.diagnostics("steps:\n  a:\n    play: \"gr\\0eting\"\n")
        #expect(escaped.contains { $0.description.contains("gr\\u{0}eting") }, "\(escaped.map(\.description))")
        #expect(!escaped.contains { $0.description.unicodeScalars.contains { $0.value < 0x20 } })
    }

    @Test func aliasesThatExpandToBillionsOfValuesAreRefused() {
        var yaml = "x-a0: &a0 [v, v, v, v, v, v, v, v, v, v]\n"
        for i in 1...9 { yaml += "x-a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        yaml += "steps:\n  a: {hangup: completed}\n"
        let errors = FlowTest.diagnostics(yaml)
        #expect(errors.count == 1)
        #expect(errors.first?.message.hasPrefix("the file expands to more than 1000000 values") == true)
    }

    @Test func oversizedFilesAreRefused() {
        let yaml = "steps:\n  a: {hangup: completed}\n# " + String(repeating: "x", count: YAMLInputCheck.maxBytes) + "\n"
        #expect(FlowTest.diagnostics(yaml).first?.message.hasPrefix("the file is \(yaml.utf8.count) bytes; at most 4194304") == true)
    }

    @Test func impossibleDatesAreNotRolledForward() {
        #expect(ScriptedCall.parseLocalTime("2026-02-30T10:00", in: FlowTest.london) == nil)
        #expect(ScriptedCall.parseLocalTime("2028-02-29T10:00", in: FlowTest.london) != nil)
        #expect(LocalDate.problem(inISO: "2026-02-30T10:00") == "February 2026 has 28 days, not 30")
        #expect(LocalDate.problem(inISO: "2026-13-01") == "there is no month 13 (months are 01 to 12)")
        #expect(LocalDate.problem(inISO: "2026-04-30") == nil)
    }
}
