import ArgumentParser
import Foundation
import Storage

extension VoicemailCommand {
    /// `ivr voicemail export ID -o FILE`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Copy a voicemail's WAV file out (never overwrites).")
        @Argument(help: "Voicemail id (a positive number).", transform: RecordID.voicemail) var id: Int64
        @Option(name: .shortAndLong, help: "Destination file (must not exist).") var output: String
        @OptionGroup var store: StoreLocationOptions

        func run() throws {
            let destination = URL(fileURLWithPath: output)
            try reportingRefusals { try store.openStoreRecoveringVoicemail().exportVoicemail(id, to: destination) }
            print("voicemail \(id) → \(destination.path)")
        }
    }

    /// `ivr voicemail delete ID`: the row, then the file.
    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a voicemail (index row, then file).")
        @Argument(help: "Voicemail id (a positive number).", transform: RecordID.voicemail) var id: Int64
        @OptionGroup var store: StoreLocationOptions

        func run() throws {
            try reportingRefusals { try store.openStoreRecoveringVoicemail().deleteVoicemail(id) }
            print("voicemail \(id) deleted")
        }
    }

    /// `ivr voicemail mark ID heard|called-back|new`.
    struct Mark: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a voicemail's status: new, heard or called-back.")
        @Argument(help: "Voicemail id (a positive number).", transform: RecordID.voicemail) var id: Int64
        @Argument(help: "new, heard or called-back.") var status: String
        @OptionGroup var store: StoreLocationOptions

        func run() throws {
            let record = try reportingRefusals {
                guard let parsed = VoicemailStatus(rawValue: status) else {
                    throw StoreError.unknownVoicemailStatus(status, valid: VoicemailStatus.markable.map(\.rawValue))
                }
                return try store.openStoreRecoveringVoicemail().markVoicemail(id, as: parsed)
            }
            print("voicemail \(id): \(record.status.rawValue)")
        }
    }

    /// `ivr voicemail check [--repair] [--json]`: completes interrupted messages, then exit 4 when
    /// orphans are found (before repair).
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find voicemail files without index rows and rows without files (exit 4 if any).",
            discussion: """
                First completes messages whose recording process died (crash, kill -9): their rows, written \
                when recording started, get the length of the audio on disk and status new (shown as \
                'new (interrupted)'); recordings still in progress in a running process are left alone. \
                --repair indexes orphan files (caller unknown) and removes rows whose file is gone; files it \
                cannot index (a name the store would not choose, a symbolic link or other non-regular file, an \
                empty file) are left alone with a warning saying to move or rename them.
                """)
        @Flag(help: "Fix what is found.") var repair = false
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var store: StoreLocationOptions

        func run() throws {
            let (recovery, report) = try reportingRefusals {
                let opened = try store.openStore()
                let recovery = try opened.recoverInterruptedVoicemails()
                return (recovery, repair ? try opened.repairVoicemails() : try opened.checkVoicemails())
            }
            if json { return try StoreText.printJSON(CheckOutput(report: report, recovery: recovery)) }
            for line in InterruptedVoicemailText.lines(recovery) { print(line) }
            if report.isClean {
                print("voicemail index and files agree")
            } else {
                for file in report.filesWithoutRows { print("file without index row: \(file)\(repair ? " (indexed)" : "")") }
                for row in report.rowsWithoutFiles {
                    print("row \(row.id ?? 0) without file: \(row.file)\(repair ? " (removed)" : "")")
                }
                for skipped in report.skippedFiles {
                    StoreText.printWarning("\(skipped.file) \(repair ? "not indexed" : "cannot be indexed"): \(skipped.reason)")
                }
            }
            if !report.isClean && !repair { throw ExitCode(StoreExitCode.orphans) }
        }
    }

    /// `voicemail check --json`: the orphan report plus what recovery did.
    struct CheckOutput: Encodable {
        let report: VoicemailCheckReport
        let recovery: VoicemailRecovery

        enum CodingKeys: String, CodingKey {
            case filesWithoutRows = "files_without_rows", rowsWithoutFiles = "rows_without_files", skippedFiles = "skipped_files"
            case recovered = "recovered_interrupted", removed = "removed_interrupted_without_audio"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(report.filesWithoutRows, forKey: .filesWithoutRows)
            try container.encode(report.rowsWithoutFiles, forKey: .rowsWithoutFiles)
            try container.encode(report.skippedFiles, forKey: .skippedFiles)
            try container.encode(recovery.completed, forKey: .recovered)
            try container.encode(recovery.removed, forKey: .removed)
        }
    }
}
