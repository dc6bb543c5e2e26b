import Foundation
import Testing

/// A flow or scenario path that is missing or is a folder gets an error at line 1 that says which.
@Suite struct MissingInputFileTests {
    static let folder = FileManager.default.temporaryDirectory.path

    @Test func missingScenarioNamesTheFileAtLineOne() throws {
        let r = try IvrBinary.run(["simulate", "no-such-scenario.yaml"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("no-such-scenario.yaml:1:1: error: no such scenario file; check the path"))
    }

    @Test func scenarioThatIsAFolderSaysSo() throws {
        let r = try IvrBinary.run(["simulate", Self.folder])
        #expect(r.status != 0)
        #expect(r.stderr.contains("this is a folder; give the scenario's YAML file"))
    }

    @Test func missingFlowNamesTheFile() throws {
        let r = try IvrBinary.run(["flow", "check", "no-such-flow.yaml"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("no-such-flow.yaml:1:1: error: no such flow file; check the path")
                || r.stdout.contains("no-such-flow.yaml:1:1: error: no such flow file; check the path"))
    }

    @Test func flowThatIsAFolderSaysSo() throws {
        let r = try IvrBinary.run(["flow", "check", Self.folder])
        #expect(r.status == 1)
        #expect((r.stderr + r.stdout).contains("this is a folder; give the flow's YAML file"))
    }
}
