import ArgumentParser
import CallFlow
import Foundation
import LoadSim

/// `ivr simulate SCENARIO`: runs a load scenario through the real flow and queue on virtual time.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate a day, a week or a month of calls: the real flow and queue on a virtual clock.",
        discussion: "Scenario keys, metrics and their definitions: docs/SIMULATION.md.")

    @Argument(help: "Scenario YAML file.") var scenario: String
    @Option(help: "Seed of the first replication (default: the scenario's seed).") var seed: UInt64?
    @Option(help: "Independent replications; figures get 95% confidence intervals.") var replications = 1
    @Flag(help: "Print the report as JSON instead of tables.") var json = false
    @Option(help: "Also write summary.csv, queues.csv, agents.csv and intervals.csv into this folder.") var csv: String?
    @Option(help: "Also write a self-contained HTML report with charts to this file.") var html: String?
    @Option(help: ArgumentHelp("Per-interval rows in the terminal report: active (rows with calls, agents or callers waiting; what `--intervals` alone means), all, or none.", valueName: "rows"))
    var intervals: TextReport.IntervalRows = .none
    @Flag(help: "Leave wall-clock figures (wall_s, calls_per_s) out of the JSON, for byte-identical output.")
    var noTiming = false
    @Flag(help: "No progress bar.") var quiet = false

    func validate() throws {
        guard replications >= 1, replications <= 10_000 else { throw ValidationError("--replications must be from 1 to 10000") }
        if let csv { try OutputPaths.checkFolder(csv, option: "--csv") }
        if let html { try OutputPaths.checkFile(html, option: "--html") }
    }

    func run() throws {
        let loaded = try reportingErrors { try ScenarioLoader.load(path: scenario) }
        let model = try reportingErrors { try SimulationInputs.model(for: loaded) }
        let bar = ProgressBar(enabled: !quiet && isatty(STDERR_FILENO) == 1)
        let report = try reportingErrors {
            try Simulator.run(model, options: .init(seed: seed, replications: replications, timing: !noTiming),
                              progress: bar.update)
        }
        bar.finish()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(TextReport.render(report, intervals: intervals), terminator: "")
        }
        if let csv {
            try FileManager.default.createDirectory(atPath: csv, withIntermediateDirectories: true)
            for file in CSVReport.files(report) {
                try file.text.write(toFile: (csv as NSString).appendingPathComponent(file.name), atomically: true, encoding: .utf8)
            }
        }
        if let html { try HTMLReport.render(report).write(toFile: html, atomically: true, encoding: .utf8) }
    }

    /// Prints located scenario or flow errors as they are and exits 1.
    private func reportingErrors<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as ScenarioErrors {
            FileHandle.standardError.write(Data((e.description + "\n").utf8))
            throw ExitCode(1)
        }
    }
}

extension TextReport.IntervalRows: ExpressibleByArgument {}

extension SimulateCommand {
    /// `ivr simulate … --intervals` with no value (at the end, or before another option) means
    /// `--intervals active`: the argument parser needs the value, so it is put in.
    static func withIntervalValue(_ arguments: [String]) -> [String] {
        guard arguments.first == "simulate" else { return arguments }
        var out: [String] = []
        for (i, word) in arguments.enumerated() {
            out.append(word)
            let next = i + 1 < arguments.count ? arguments[i + 1] : nil
            if word == "--intervals", next.map({ TextReport.IntervalRows(rawValue: $0) == nil }) ?? true { out.append("active") }
        }
        return out
    }
}
