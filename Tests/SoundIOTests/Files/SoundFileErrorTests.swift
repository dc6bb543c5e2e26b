import Foundation
import Testing
@testable import SoundIO

@Suite("Bad sound files give errors naming the file and libsndfile's words")
struct SoundFileErrorTests {
    let dir = TemporaryDirectory()

    func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let path = dir.path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func error(reading path: String) -> SoundFileError? {
        do { _ = try SoundFile.read(path); return nil } catch { return error }
    }

    @Test func missingFile() {
        let path = dir.path("nothere.wav")
        #expect(error(reading: path) == .missing(path: path))
        #expect(error(reading: path)?.description.contains("nothere.wav: error: no such file") == true)
    }

    @Test func emptyFile() throws {
        let path = try write([], "empty.wav")
        #expect(error(reading: path) == .empty(path: path))
    }

    @Test func textIsNotASoundFile() throws {
        let path = try write(Array("hello, not audio\n".utf8), "text.wav")
        guard case .unrecognised(let errorPath, let message)? = error(reading: path) else {
            Issue.record("expected unrecognised, got \(String(describing: error(reading: path)))")
            return
        }
        #expect(errorPath == path)
        #expect(message.contains("not recognised"))
    }

    @Test func waveWithoutDataChunkIsCorrupt() throws {
        let path = try write(Array("RIFF\u{10}\0\0\0WAVEjunkjunkjunk".utf8), "nodata.wav")
        guard case .corrupt(_, let message)? = error(reading: path) else {
            Issue.record("expected corrupt, got \(String(describing: error(reading: path)))")
            return
        }
        #expect(message.contains("data"))
        #expect(error(reading: path)?.description.contains("nodata.wav: error: the file is damaged") == true)
    }

    @Test func aifcWithUnknownCompressionIsUnsupported() throws {
        var comm: [UInt8] = [0, 1, 0, 0, 0, 100, 0, 16, 0x40, 0x0b, 0xfa, 0, 0, 0, 0, 0, 0, 0]
        comm += Array("XXXX".utf8) + [0, 0]
        let ssnd = [UInt8](repeating: 0, count: 208)
        func chunk(_ id: String, _ body: [UInt8]) -> [UInt8] {
            Array(id.utf8) + withUnsafeBytes(of: UInt32(body.count).bigEndian, Array.init) + body
        }
        let body = Array("AIFC".utf8) + chunk("FVER", [0xA2, 0x80, 0x51, 0x40]) + chunk("COMM", comm)
            + chunk("SSND", ssnd)
        let path = try write(chunk("FORM", body), "weird.aifc")
        guard case .unsupported(_, let message)? = error(reading: path) else {
            Issue.record("expected unsupported, got \(String(describing: error(reading: path)))")
            return
        }
        #expect(message.contains("unimplemented"))
    }

    @Test func directoryIsUnreadable() {
        guard case .unreadable? = error(reading: dir.url.path) else {
            Issue.record("expected unreadable")
            return
        }
    }

    @Test func writingIntoAMissingFolderFails() {
        let path = dir.path("no/such/folder/out.wav")
        #expect(throws: SoundFileError.self) { try WAVWriter.write(samples: [1, 2, 3], to: path) }
        do { try WAVWriter.write(samples: [1], to: path) } catch {
            #expect(error.description.hasPrefix("\(path): error: cannot write the file"))
        }
    }
}
