import ArgumentParser
import CallFlow
import SoundIO
import Foundation

extension FlowCommand {
    /// `ivr flow bench FLOW`: how many synthetic calls a second the interpreter runs through a flow.
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure interpreter speed: synthetic calls through a flow on one core.")

        @Argument(help: "The flow file (YAML).")
        var file: String

        @Option(help: "Number of calls.")
        var calls: Int = 1_000_000

        @Option(help: "Random seed.")
        var seed: UInt64 = 1

        @OptionGroup var prompts: PromptLibraryOption

        /// Most calls one run may ask for (about a minute of CPU in a release build).
        static let maxCalls = 100_000_000

        func validate() throws {
            guard (1...Self.maxCalls).contains(calls) else {
                throw ValidationError("--calls must be between 1 and \(Self.maxCalls), not \(calls)")
            }
        }

        func run() throws {
            let compilation = FlowCompiler.compile(fileAt: file, availablePrompts: try prompts.availableNames())
            for diagnostic in compilation.errors { FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8)) }
            guard let program = compilation.program else { throw ExitCode(1) }
            var lengths: [String: Double] = [:]
            for name in program.promptNames {
                if let info = try? SoundFile.info(prompts.file(name)) { lengths[name] = info.duration }
            }
            let weekStart = ScriptedCall.parseLocalTime("2026-11-23T00:00", in: program.timeZone)!
            let bench = FlowBenchmark(program: program, promptLengths: lengths, weekStart: weekStart)
            let before = Self.cpuSeconds()
            let result = bench.run(calls: calls, seed: seed)
            let seconds = max(Self.cpuSeconds() - before, 1e-6)
            let breakdown = CallResult.allCases.compactMap { r in result.results[r].map { "\(r.rawValue) \($0)" } }
            print("\(result.calls) calls, \(result.events) events, \(result.actions) actions in \(String(format: "%.3f", seconds)) s of CPU: \(Int(Double(result.calls) / seconds)) calls/s, \(Int(Double(result.events) / seconds)) events/s")
            print("results: \(breakdown.joined(separator: ", "))")
        }

        /// CPU time used by this process (user + system), in seconds.
        static func cpuSeconds() -> Double {
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
                + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6
        }
    }
}
