import ArgumentParser
import Storage

extension VoicemailCommand {
    /// `ivr voicemail list [--json]`; first completes messages whose recording process died
    /// (a note on standard error for each), then warns if the orphan check finds anything.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List voicemail, newest first.")
        @Flag(help: "Print JSON instead of a table.") var json = false
        @OptionGroup var store: StoreLocationOptions

        func run() throws {
            let (messages, report) = try reportingRefusals {
                let opened = try store.openStoreRecoveringVoicemail()
                return (try opened.voicemails(), try opened.checkVoicemails())
            }
            if !report.isClean {
                let skipped = report.skippedFiles.isEmpty ? "" : ", \(report.skippedFiles.count) file(s) that cannot be indexed"
                StoreText.printWarning("\(report.filesWithoutRows.count) unindexed file(s), \(report.rowsWithoutFiles.count) "
                                       + "row(s) without a file\(skipped); see 'ivr voicemail check'")
            }
            if json { return try StoreText.printJSON(messages) }
            if messages.isEmpty { return print("no voicemail") }
            StoreText.printTable(["ID", "RECEIVED", "CALLER", "LENGTH", "STATUS", "TOPIC", "FLOW/STEP", "FILE"], messages.map {
                [String($0.id ?? 0), StoreText.date($0.receivedAt), $0.caller ?? "unknown", StoreText.duration($0.duration),
                 InterruptedVoicemailText.status($0), $0.topic ?? "-", flowStep($0), $0.file]
            })
        }

        private func flowStep(_ message: VoicemailRecord) -> String {
            let text = [message.flow, message.step].compactMap { $0 }.joined(separator: "/")
            return text.isEmpty ? "-" : text
        }
    }
}
