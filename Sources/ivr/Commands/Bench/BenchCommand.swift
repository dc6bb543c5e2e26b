import ArgumentParser

/// `ivr bench`: speed measurements of the product's hot paths.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure speed (use a release build: swift build -c release).",
        subcommands: [BenchDTMF.self, BenchEcho.self])
}
