import Foundation
import Testing
@testable import SoundIO

@Suite("The prompts folder")
struct PromptLibraryTests {
    let dir = TemporaryDirectory("prompts")

    @Test func folderIsFoundFromOptionThenEnvironmentThenDefault() {
        #expect(PromptLibrary.locate(option: "/x", environment: ["IVR_PROMPTS": "/y"]).folder == "/x")
        #expect(PromptLibrary.locate(option: nil, environment: ["IVR_PROMPTS": "/y"]).folder == "/y")
        #expect(PromptLibrary.locate(option: nil, environment: [:]).folder == "prompts")
    }

    @Test func installKeepsThePreviousTakeAsABackup() throws {
        let library = PromptLibrary(folder: dir.url.path)
        let name = PromptName("greeting")!
        let first = try library.install([1, 2, 3], as: name, at: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(first.backup == nil)
        let time = Date(timeIntervalSince1970: 1_800_000_100)
        let second = try library.install([4, 5], as: name, at: time)
        #expect(second.backup == dir.path(".backup/greeting-20270115T080140Z.wav"))
        let third = try library.install([6], as: name, at: time)
        #expect(third.backup == dir.path(".backup/greeting-20270115T080140Z-2.wav"))
        #expect(try library.load(name) == [6])
        #expect(try SoundFile.read(second.backup!) == [1, 2, 3])
        #expect(try SoundFile.read(third.backup!) == [4, 5])
        #expect(try library.recordedNames() == [name])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.url.path).filter { $0.hasSuffix(".partial") }
        #expect(leftovers.isEmpty)
    }

    @Test func missingPromptSaysHowToMakeIt() {
        let library = PromptLibrary(folder: dir.url.path)
        do {
            _ = try library.load(PromptName("goodbye")!)
            Issue.record("loaded a missing prompt")
        } catch {
            #expect(error.description.contains("ivr prompt record goodbye"))
        }
    }

    @Test func missingFolderIsNamed() {
        let library = PromptLibrary(folder: dir.path("nope"))
        #expect(throws: PromptLibraryError.noFolder(path: dir.path("nope"))) { try library.recordedNames() }
    }

    @Test func manifestIsOptionalButCheckedWhenPresent() throws {
        let library = PromptLibrary(folder: dir.url.path)
        #expect(try library.manifest().entries.isEmpty)
        try "prompts:\n  - name: x\n".write(toFile: library.manifestPath, atomically: true, encoding: .utf8)
        #expect(throws: PromptLibraryError.self) { try library.manifest() }
    }
}
