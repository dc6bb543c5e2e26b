import CallFlow
import Foundation
import LoadSim
import SoundIO

/// Wires a scenario to its flow and prompt files: compiles the flow, measures each prompt's WAV.
enum SimulationInputs {
    /// The simulation model for `scenario`, with its flow compiled and prompt lengths read.
    static func model(for scenario: Scenario) throws -> SimulationModel {
        guard let flowPath = scenario.flowPath else { return try SimulationModel(scenario: scenario, program: nil) }
        let compiled = FlowCompiler.compile(fileAt: flowPath)
        guard let program = compiled.program else {
            let lines = compiled.diagnostics.filter { $0.severity == .error }.map { ScenarioError(file: $0.file, line: $0.line, column: $0.column, message: $0.message) }
            throw ScenarioErrors(errors: lines.isEmpty ? [ScenarioError(file: flowPath, line: 0, column: 0, message: "the flow does not compile")] : lines)
        }
        let folder = promptFolder(scenario, flowPath: flowPath)
        var lengths: [String: Double] = [:]
        for name in program.promptNames {
            let path = (folder as NSString).appendingPathComponent(name + ".wav")
            if let info = try? SoundFile.info(path) { lengths[name] = info.duration }
        }
        return try SimulationModel(scenario: scenario, program: program, promptLengths: lengths)
    }

    /// The scenario's `prompts:` folder, else `prompts/` beside the flow or one level up.
    static func promptFolder(_ scenario: Scenario, flowPath: String) -> String {
        if let p = scenario.promptsPath { return p }
        let flowDir = (flowPath as NSString).deletingLastPathComponent
        let beside = (flowDir as NSString).appendingPathComponent("prompts")
        if FileManager.default.fileExists(atPath: beside) { return beside }
        return ((flowDir as NSString).deletingLastPathComponent as NSString).appendingPathComponent("prompts")
    }
}
