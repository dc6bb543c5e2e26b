import Foundation
import Testing

/// `ivr queue set`: empty hours (an unset shell variable) would close a queue for good.
@Suite struct QueueSetCommandTests {
    @Test func emptyHoursAreRefusedWithTheFormat() throws {
        let data = StoreCommandTests.dataDirectory()
        for hours in ["", "  "] {
            let result = try StoreCommandTests.ivr(data, "queue", "set", "general", "--hours", hours)
            #expect(result.status == 2)
            #expect(result.stderr.contains("empty"), "\(result.stderr)")
            #expect(result.stderr.contains("mon-fri 08:00-20:00"), "\(result.stderr)")
        }
        let status = try StoreCommandTests.ivr(data, "queue", "status", "--json")
        #expect(status.status == 0)
        #expect(!status.stdout.contains("\"hours\":\"\""), "the hours are unchanged: \(status.stdout)")
    }
}
