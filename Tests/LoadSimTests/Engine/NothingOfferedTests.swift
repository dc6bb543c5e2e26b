import Foundation
import Testing
@testable import LoadSim

/// With no call offered, rates over offered calls are undefined: `-` in text, `null` in JSON.
struct NothingOfferedTests {
    @Test func noArrivalsShowNoServiceLevel() throws {
        let r = try SimTest.run("""
        duration: 1d
        arrivals: {per_hour: 0}
        handling: {dist: exponential, mean: 3m}
        agents: {count: 3}
        """)
        #expect(r.offered == 0)
        #expect(r.serviceLevel == nil && r.abandonRate == nil)
        let json = String(decoding: try JSONEncoder().encode(r), as: UTF8.self)
        #expect(json.contains("\"service_level\":null"), "\(json.prefix(600))")
        #expect(json.contains("\"abandon_rate\":null"))
        let text = TextReport.render(r)
        let line = text.split(separator: "\n").first { $0.hasPrefix("service level (20s)") }
        #expect(line.map { $0.split(separator: " ", omittingEmptySubsequences: true)[3] == "-" } == true, "\(line ?? "")")
        #expect(r.queues.count == 1 && r.queues[0].serviceLevel == nil && r.queues[0].abandonRate == nil)
        let queueJSON = String(decoding: try JSONEncoder().encode(r.queues[0]), as: UTF8.self)
        #expect(queueJSON.contains("\"service_level\":null") && queueJSON.contains("\"abandon_rate\":null"), "\(queueJSON)")
    }

    @Test func aReportWithCallsKeepsNumbers() throws {
        let r = try SimTest.run("""
        duration: 1d
        arrivals: {per_hour: 20}
        handling: {dist: exponential, mean: 3m}
        agents: {count: 3}
        """)
        #expect((r.serviceLevel ?? -1) > 0.5)
        let json = String(decoding: try JSONEncoder().encode(r), as: UTF8.self)
        #expect(!json.contains("null"))
        let back = try JSONDecoder().decode(SimulationReport.self, from: Data(json.utf8))
        #expect(back.serviceLevel == r.serviceLevel)
    }
}
