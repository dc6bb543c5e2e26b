import Foundation
import Testing

/// `--at` on the store commands: a time the store cannot keep is refused before anything is written.
@Suite struct StoreLocationOptionsTests {
    @Test func aFarOffAtIsRefusedAndTheStoreStaysUsable() throws {
        let data = StoreCommandTests.dataDirectory()
        let far = try IvrBinary.run(["callback", "request", "020 7946 0018", "--data", data.path, "--at", "9999-12-31T23:59:59Z"])
        #expect(far.status == 64)
        #expect(far.stderr.contains("--at '9999-12-31T23:59:59Z' is outside the years 2000-2199"), "\(far.stderr)")
        let list = try StoreCommandTests.ivr(data, "callback", "list")
        #expect(list.status == 0, "\(list.stderr)")
        #expect(!list.stderr.contains("GRDB"))
        let early = try IvrBinary.run(["agent", "add", "bob", "--name", "Bob", "--data", data.path, "--at", "1970-01-01T00:00:00Z"])
        #expect(early.status == 64)
    }
}
