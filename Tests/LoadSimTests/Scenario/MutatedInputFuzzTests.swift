import CallFlow
import CallQueue
import Foundation
import Testing
@testable import LoadSim

/// Randomly mutated flows and scenarios (fixed seed) through the loaders, the validators, the
/// simulation model and a scripted call: no crash, no hang, no memory blow-up, and every
/// refusal is a located error with nothing unprintable in it.
@Suite(.serialized) struct MutatedInputFuzzTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// Cases per kind of input.
    static let cases = 300
    /// Wall-clock budget per kind; cases past it are skipped (the count run is checked).
    static let budget: TimeInterval = 40

    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func mutatedFlowsCompileOrFailWithLocatedErrors() throws {
        let seeds = [try Self.text("flows/store.yaml")]
        var rng = SplitMix64(seed: 13)
        let started = Date()
        let memory = ResidentMemory.megabytes()
        var run = 0, compiled = 0
        for index in 0..<Self.cases {
            if Date().timeIntervalSince(started) > Self.budget { break }
            let yaml = Mutator.mutate(seeds[index % seeds.count], &rng)
            let caseStart = Date()
            let result = FlowCompiler.compile(yaml: yaml, file: "fuzz.yaml")
            for diagnostic in result.diagnostics {
                #expect(diagnostic.line >= 1 && diagnostic.column >= 1, "case \(index): \(diagnostic)")
                #expect(!diagnostic.description.unicodeScalars.contains { $0.value < 0x20 }, "case \(index): raw control byte")
            }
            if let program = result.program {
                compiled += 1
                // Drive a call through what compiled, with random keys.
                var options = ScriptedCall.Options(callerID: "+441632960123", start: Date(timeIntervalSince1970: 1_795_000_000))
                options.defaultPromptLength = 1
                let keys = (0..<8).map { _ in ["1", "2", "3", "0", "#", "w5", "w40", "9"][Int(rng.next() % 8)] }.joined(separator: " ")
                _ = ScriptedCall(program: program, options: options).run(try KeyScript(keys))
            }
            #expect(Date().timeIntervalSince(caseStart) < 10, "case \(index) took too long")
            run += 1
        }
        #expect(run >= 50, "only \(run) cases ran inside the budget")
        #expect(compiled > 0 && compiled < run, "mutations should both keep and break flows (\(compiled) of \(run) compiled)")
        #expect(ResidentMemory.megabytes() - memory < 1000, "memory grew by more than 1 GB")
    }

    @Test func mutatedScenariosLoadOrFailWithLocatedErrors() throws {
        let names = ["examples/store-week.yaml", "examples/mmc-erlang-c.yaml", "examples/mmc-erlang-a.yaml", "examples/bench-direct.yaml"]
        let seeds = try names.map { try Self.text($0) }
        let flow = FlowCompiler.compile(yaml: try Self.text("flows/store.yaml"), file: "flows/store.yaml").program
        var rng = SplitMix64(seed: 2026)
        let started = Date()
        let memory = ResidentMemory.megabytes()
        var run = 0, loaded = 0
        for index in 0..<Self.cases {
            if Date().timeIntervalSince(started) > Self.budget { break }
            let text = Mutator.mutate(seeds[index % seeds.count], &rng)
            let caseStart = Date()
            do {
                let scenario = try ScenarioLoader.parse(text, file: "fuzz.yaml", baseDirectory: Self.root.appendingPathComponent("examples").path)
                loaded += 1
                _ = try? SimulationModel(scenario: scenario, program: scenario.flowPath == nil ? nil : flow)
            } catch let errors as ScenarioErrors {
                for error in errors.errors {
                    #expect(!error.message.isEmpty)
                    #expect(!error.description.unicodeScalars.contains { $0.value < 0x20 }, "case \(index): raw control byte")
                }
            }
            #expect(Date().timeIntervalSince(caseStart) < 10, "case \(index) took too long")
            run += 1
        }
        #expect(run >= 50, "only \(run) cases ran inside the budget")
        #expect(loaded > 0 && loaded < run, "mutations should both keep and break scenarios (\(loaded) of \(run) loaded)")
        #expect(ResidentMemory.megabytes() - memory < 1000, "memory grew by more than 1 GB")
    }
}

/// Mutations a hostile tester makes to a YAML file: flipped bytes, control characters, lines
/// lost, repeated or swapped, huge numbers, deep nesting, long lists and aliases.
enum Mutator {
    static let tokens = ["-1", "0", "1e308", "nan", "inf", "99999999999999999999", "''", "\"\\0\"", "[", "]", "{", "}",
                         "*x", "&x", "<<: *x", "!!binary", "~", "null", "- ", ": ", "\t", "#", "%", "@", "\u{0}", "\u{1B}",
                         "2026-02-30T10:00", "+999 1234 5678", "hangup", "goto: start", "{\"1\": 2}", "é", "\u{FEFF}"]

    static func mutate(_ text: String, _ rng: inout SplitMix64) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let rounds = 1 + Int(rng.next() % 4)
        for _ in 0..<rounds {
            guard !lines.isEmpty else { break }
            let i = Int(rng.next() % UInt64(lines.count))
            switch rng.next() % 11 {
            case 0: lines.remove(at: i)
            case 1: lines.insert(lines[i], at: i)
            case 2: lines.swapAt(i, Int(rng.next() % UInt64(lines.count)))
            case 3:                                          // a token somewhere in a line
                var line = Array(lines[i].unicodeScalars)
                let at = line.isEmpty ? 0 : Int(rng.next() % UInt64(line.count + 1))
                line.insert(contentsOf: tokens[Int(rng.next() % UInt64(tokens.count))].unicodeScalars, at: at)
                lines[i] = String(String.UnicodeScalarView(line))
            case 4:                                          // a value replaced
                if let colon = lines[i].firstIndex(of: ":") {
                    lines[i] = String(lines[i][...colon]) + " " + tokens[Int(rng.next() % UInt64(tokens.count))]
                }
            case 5:                                          // indentation changed
                lines[i] = String(repeating: " ", count: Int(rng.next() % 9)) + lines[i].drop { $0 == " " }
            case 6:                                          // truncated file
                lines = Array(lines.prefix(i))
            case 7:                                          // deep nesting
                let depth = [10, 100, 5000, 200_000][Int(rng.next() % 4)]
                lines.insert("x-deep: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth), at: i)
            case 8:                                          // a block repeated many times
                let block = lines[i..<min(lines.count, i + 6)]
                let copies = Int(rng.next() % 200)
                lines.insert(contentsOf: Array(repeating: Array(block), count: copies).joined(), at: i)
            case 9:                                          // a byte flipped
                var bytes = Array(lines[i].utf8)
                if !bytes.isEmpty {
                    bytes[Int(rng.next() % UInt64(bytes.count))] ^= UInt8(1 << (rng.next() % 7))
                    lines[i] = String(decoding: bytes, as: UTF8.self)
                }
            default:                                         // nested aliases
                lines.insert("x-a: &x [" + Array(repeating: "*x", count: 0).joined() + "1, 2, 3]", at: 0)
                lines.insert("x-b: &y [*x, *x, *x, *x, *x, *x, *x, *x]", at: 1)
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// The process's resident memory, from /proc/self/statm.
enum ResidentMemory {
    static func megabytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) >> 20
    }
}
