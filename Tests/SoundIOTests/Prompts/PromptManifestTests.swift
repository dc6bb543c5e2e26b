import Testing
@testable import SoundIO

@Suite("prompts/manifest.yaml")
struct PromptManifestTests {
    @Test func readsEntriesInOrderWithTheirLines() throws {
        let yaml = """
        prompts:
          - name: greeting
            text: "Thank you for calling Switchboard."
          - name: main-menu
            text: For sales press 1.
        """
        let manifest = try PromptManifest.parse(yaml, path: "manifest.yaml")
        #expect(manifest.entries.map(\.name.value) == ["greeting", "main-menu"])
        #expect(manifest.entries.map(\.line) == [2, 4])
        #expect(manifest.entry(PromptName("main-menu")!)?.text == "For sales press 1.")
    }

    @Test func emptyManifestsAreAllowed() throws {
        #expect(try PromptManifest.parse("", path: "m").entries.isEmpty)
        #expect(try PromptManifest.parse("prompts:\n", path: "m").entries.isEmpty)
    }

    @Test(arguments: [
        ("prompts:\n  - name: Greeting\n    text: hi\n", "m.yaml:2:11: error: 'Greeting' is not a prompt name"),
        ("prompts:\n  - name: a\n    text: x\n  - name: a\n    text: y\n", "m.yaml:4:5: error: prompt 'a' is listed twice (first on line 2)"),
        ("prompts:\n  - name: a\n", "m.yaml:2:5: error: prompt 'a' has no 'text:'"),
        ("prompts:\n  - name: a\n    txt: x\n", "m.yaml:3:5: error: unknown key 'txt' in a prompt"),
        ("prompt:\n  - name: a\n", "m.yaml:1:1: error: unknown key 'prompt'"),
        ("prompts: [\n", "m.yaml:2:1: error: YAML:"),
        ("prompts: greeting\n", "m.yaml:1:10: error: 'prompts' must be a list"),
        ("prompts:\n  - name: ../etc/passwd\n    text: x\n", "m.yaml:2:11: error: '../etc/passwd' is not a prompt name"),
    ])
    func badManifestsNameFileLineAndColumn(yaml: String, expected: String) {
        do {
            _ = try PromptManifest.parse(yaml, path: "m.yaml")
            Issue.record("accepted \(yaml)")
        } catch {
            #expect(error.description.hasPrefix(expected), "\(error)")
        }
    }

    @Test func promptNamesCannotBePaths() {
        for good in ["greeting", "main-menu", "q1_hold", "9am"] { #expect(PromptName(good) != nil, "\(good)") }
        for bad in ["", "-x", "a/b", "..", "a.b", "Greeting", "é", String(repeating: "a", count: 65)] {
            #expect(PromptName(bad) == nil, "\(bad)")
        }
    }
}
