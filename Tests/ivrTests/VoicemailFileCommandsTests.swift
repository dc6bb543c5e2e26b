import Foundation
import Testing

/// `ivr voicemail check --repair` and `export` with files the store must not adopt.
@Suite struct VoicemailFileCommandsTests {
    @Test func repairWarnsAboutOddFilesAndFinishesTheRest() throws {
        let data = StoreCommandTests.dataDirectory()
        #expect(try StoreCommandTests.ivr(data, "voicemail", "check").status == 0)   // creates the store
        let folder = data.appendingPathComponent("voicemail")
        try Data(count: 16_044).write(to: folder.appendingPathComponent("weird name; rm -rf.wav"))
        try Data(count: 16_044).write(to: folder.appendingPathComponent("20261124-100000-0000abcd.wav"))
        try Data().write(to: folder.appendingPathComponent("20261124-100000-0000cafe.wav"))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("20261124-100000-0000beef.wav").path,
                                                   withDestinationPath: "/etc/passwd")
        let result = try StoreCommandTests.ivr(data, "voicemail", "check", "--repair")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("file without index row: voicemail/20261124-100000-0000abcd.wav (indexed)"))
        #expect(result.stderr.contains("warning: voicemail/weird name; rm -rf.wav not indexed"), "\(result.stderr)")
        #expect(result.stderr.contains("rename"))
        #expect(result.stderr.contains("0000beef.wav not indexed: is a symbolic link"), "\(result.stderr)")
        #expect(result.stderr.contains("0000cafe.wav not indexed: is empty"), "\(result.stderr)")
        let list = try StoreCommandTests.ivr(data, "voicemail", "list", "--json")
        let rows = try #require(try StoreCommandTests.json(list.stdout) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(list.stderr.contains("3 file(s) that cannot be indexed"), "\(list.stderr)")
        // The adopted message's file swapped for a link behind the store's back: never copied out.
        let adopted = folder.appendingPathComponent("20261124-100000-0000abcd.wav")
        try FileManager.default.removeItem(at: adopted)
        try FileManager.default.createSymbolicLink(atPath: adopted.path, withDestinationPath: "/etc/passwd")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("vm-\(UUID().uuidString).wav")
        defer { try? FileManager.default.removeItem(at: out) }
        let export = try StoreCommandTests.ivr(data, "voicemail", "export", "1", "-o", out.path)
        #expect(export.status == 2)
        #expect(export.stderr.contains("is a symbolic link"), "\(export.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
