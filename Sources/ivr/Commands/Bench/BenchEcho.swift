import ArgumentParser
import Foundation
import Telephony

/// `ivr bench echo`: the line echo canceller's speed, or (hidden) a run over raw files for
/// scripts/compare-echo.
struct BenchEcho: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "echo",
        abstract: "Measure the line echo canceller: seconds of audio processed per CPU second (one core).")

    @Option(help: "Seconds of audio to process.")
    var seconds: Double = 60

    @Option(help: "Tail in milliseconds.")
    var tailMs: Int = EchoCanceller.defaultTailMilliseconds

    @Flag(help: "Measure while nothing is played (a caller speaking into voicemail): the skipped path.")
    var silent = false

    @Option(help: ArgumentHelp("Raw 8 kHz 16-bit PCM that was played (the echo's source).", visibility: .hidden))
    var played: String?

    @Option(help: ArgumentHelp("Raw 8 kHz 16-bit PCM that was captured (echo plus the caller).", visibility: .hidden))
    var captured: String?

    @Option(help: ArgumentHelp("Where to write the captured audio with the echo removed.", visibility: .hidden))
    var output: String?

    func validate() throws {
        guard seconds > 0 else { throw ValidationError("--seconds must be positive") }
        guard (1...512).contains(tailMs) else { throw ValidationError("--tail-ms must be 1 to 512") }
        guard (played == nil) == (captured == nil) && (played == nil) == (output == nil) else {
            throw ValidationError("--played, --captured and --output go together")
        }
    }

    func run() throws {
        if let played, let captured, let output {
            var canceller = EchoCanceller(settings: .init(tailMilliseconds: tailMs))
            let far = try Self.read(played), near = try Self.read(captured)
            let cleaned = canceller.process(played: far, captured: near)
            try cleaned.withUnsafeBufferPointer { Data(buffer: $0) }.write(to: URL(fileURLWithPath: output))
            return
        }
        // Speed: a noise-like far end through a fixed echo path, in 160-sample periods.
        let result = EchoBenchmark.run(seconds: seconds, tailMilliseconds: tailMs, silent: silent)
        let (audio, cpu) = (result.audioSeconds, result.cpuSeconds)
        let what = silent ? "nothing played" : "prompt playing"
        print(String(format: "echo canceller: %.0f s of audio in %.3f s CPU = %.0f x real time (one core, %d ms tail, ",
                     audio, cpu, audio / cpu, tailMs) + what + ")")
    }

    static func read(_ path: String) throws -> [Int16] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("\(path): cannot read the file; check the path")
        }
        return data.withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }
    }
}
