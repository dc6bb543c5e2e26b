import Foundation
@testable import Storage

/// A fresh data directory under the system temporary folder, for one test.
struct TestDataDirectory {
    let directory: DataDirectory

    init() {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("ivr-store-test-\(UUID().uuidString)", isDirectory: true)
        directory = DataDirectory(url: url)
    }

    /// Opens a store on the directory (each call is a separate set of connections, like another process).
    func open() throws -> Store { try Store(directory: directory) }

    /// The text of a file in the directory, or "" if missing.
    func text(_ name: String) -> String {
        (try? String(contentsOf: directory.url.appendingPathComponent(name), encoding: .utf8)) ?? ""
    }
}

/// Fixed times for tests: Tuesday 24 November 2026 (London is on UTC then).
enum TestTime {
    /// Tuesday 10:00, every default queue open.
    static let tuesday10 = Date(timeIntervalSince1970: 1_795_514_400)
    /// `tuesday10` plus `seconds`.
    static func at(_ seconds: Double) -> Date { tuesday10.addingTimeInterval(seconds) }
}
