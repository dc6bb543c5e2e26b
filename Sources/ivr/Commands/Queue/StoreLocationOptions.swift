import ArgumentParser
import CallFlow
import Foundation
import CallQueue
import Storage

/// `--data DIR` and `--at TIME`, shared by the agent, callback, queue and voicemail commands.
struct StoreLocationOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Data directory (default: $IVR_DATA, else ./data).", valueName: "DIR"))
    var data: String?

    @Option(name: .long, help: ArgumentHelp(
        "Act as if it were this time (ISO 8601, e.g. 2026-11-24T10:00:00Z); for replays and tests. Default: now.",
        valueName: "TIME"))
    var at: String?

    func validate() throws {
        if data?.isEmpty == true {
            throw ValidationError("--data is empty (an unset variable?); give a directory, or leave --data out to use $IVR_DATA or ./data")
        }
        if let at {
            if let problem = LocalDate.problem(inISO: at) {
                throw ValidationError("--at '\(at)' is not a date: \(problem)")
            }
            guard let date = StoreText.parseDate(at) else {
                throw ValidationError("--at '\(at)' is not an ISO 8601 time; write e.g. 2026-11-24T10:00:00Z")
            }
            guard Store.isStorable(date) else {
                throw ValidationError("--at '\(at)' is outside the years \(Store.storableYears.lowerBound)-"
                                      + "\(Store.storableYears.upperBound) the store keeps; write e.g. 2026-11-24T10:00:00Z")
            }
        }
    }

    /// The time the command acts at.
    var now: Date { at.flatMap(StoreText.parseDate) ?? Date() }

    /// Opens (creating if needed) the store.
    func openStore() throws -> Store {
        try Store(directory: DataDirectory.resolve(explicit: data))
    }
}

/// Exit codes of the store commands (documented in docs/AGENTS.md).
enum StoreExitCode {
    /// The input was refused (unknown agent, queue, callback or outcome; malformed number; wrong state).
    static let refused: Int32 = 2
    /// `callback next`: no callback is due for this agent.
    static let nothingDue: Int32 = 3
    /// `voicemail check`: orphans found.
    static let orphans: Int32 = 4
}

/// Runs `body`, turning refusals (`StoreError`, `PhoneNumberError`) into a one-line
/// `error:` message on standard error and exit code 2.
func reportingRefusals<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StoreError {
        StoreText.printError(error.description)
        throw ExitCode(StoreExitCode.refused)
    } catch let error as PhoneNumberError {
        StoreText.printError(error.description)
        throw ExitCode(StoreExitCode.refused)
    }
}
