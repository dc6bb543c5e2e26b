import Foundation
@testable import LoadSim

/// Builds scenarios from YAML text and runs them, for engine tests.
enum SimTest {
    /// The repository root (for flows/ and prompts/).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func scenario(_ yaml: String) throws -> Scenario {
        try ScenarioLoader.parse(yaml, file: "test.yaml", baseDirectory: root.appendingPathComponent("examples").path)
    }

    static func run(_ yaml: String, seed: UInt64? = nil, replications: Int = 1) throws -> SimulationReport {
        let model = try SimulationModel(scenario: try scenario(yaml), program: nil)
        return try Simulator.run(model, options: .init(seed: seed, replications: replications, timing: false))
    }

    static func stats(_ yaml: String, seed: UInt64 = 1) throws -> SimulationStatistics {
        let model = try SimulationModel(scenario: try scenario(yaml), program: nil)
        var run = try SimulationRun(model: model, seed: seed, replication: 0)
        return try run.run()
    }
}
