import CallFlow
import Foundation
import SoundIO
import Testing
@testable import LiveRuntime

/// Prompts and hold music are loaded before a call: music from a file or a folder of files.
struct PromptSetTests {
    func library(music: (TemporaryDirectory) throws -> Void) throws -> (TemporaryDirectory, FlowProgram) {
        let dir = TemporaryDirectory()
        let folder = dir.url.appendingPathComponent("prompts")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Project.prompts), to: folder)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("music"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("music"), withIntermediateDirectories: true)
        try music(dir)
        let program = try #require(FlowCompiler.compile(fileAt: Project.storeFlow).program)
        return (dir, program)
    }

    @Test func musicFolderIsLoadedInNameOrder() throws {
        let (dir, program) = try library { dir in
            let folder = dir.path("prompts/music/default")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try WAVWriter.write(samples: [Int16](repeating: 2, count: 800), to: folder + "/b-second.wav")
            try WAVWriter.write(samples: [Int16](repeating: 1, count: 400), to: folder + "/a-first.wav")
            try Data("not audio".utf8).write(to: URL(fileURLWithPath: folder + "/notes.txt"))
        }
        let set = try PromptSet(program: program, library: PromptLibrary(folder: dir.path("prompts")))
        let music = set.music[program.musicNames.firstIndex(of: "default")!]
        #expect(music.map(\.count) == [400, 800])
        #expect(music[0].first == 1)
    }

    @Test func anOlderLibraryWithoutTheNumberWordsStillLoads() throws {
        let (dir, _) = try library { dir in
            try WAVWriter.write(samples: [Int16](repeating: 3, count: 800), to: dir.path("prompts/music/default.wav"))
        }
        let folder = dir.path("prompts")
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) where file.hasPrefix("number-") {
            try FileManager.default.removeItem(atPath: folder + "/" + file)
        }
        var names = Set(try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { $0.hasSuffix(".wav") }.map { String($0.dropLast(4)) })
        names.insert("music/default")
        let compilation = FlowCompiler.compile(fileAt: Project.storeFlow, availablePrompts: names)
        let program = try #require(compilation.program)
        #expect(compilation.diagnostics.contains { $0.message.contains("numbers are read digit by digit") })
        #expect(!program.promptNames.contains { $0.hasPrefix("number-") })
        #expect(program.promptNames.contains("digit-9"))
        let set = try PromptSet(program: program, library: PromptLibrary(folder: folder))
        #expect(set.music.count == program.musicNames.count)
    }

    @Test func missingMusicIsNamed() throws {
        let (dir, program) = try library { _ in }
        #expect(throws: LiveCallError.self) { try PromptSet(program: program, library: PromptLibrary(folder: dir.path("prompts"))) }
        do { _ = try PromptSet(program: program, library: PromptLibrary(folder: dir.path("prompts"))) } catch {
            #expect(error.description.contains("hold music 'default' not found"))
        }
    }
}
