import Foundation
import Storage

/// Describes what `Store.recoverInterruptedVoicemails` did, one line per message, for the
/// commands that run it (`voicemail list`, `voicemail check`, `call`, `serve`).
enum InterruptedVoicemailText {
    /// One line per recovered or removed message.
    static func lines(_ recovery: VoicemailRecovery) -> [String] {
        recovery.completed.map {
            "recovered interrupted voicemail \($0.id ?? 0) from \($0.caller ?? "unknown caller") "
                + "(\(String(format: "%.2f", $0.duration)) s, \($0.file)): its recording process had died; now listed as new"
        } + recovery.removed.map { "removed interrupted voicemail \($0): its recording process died before any audio" }
    }

    /// The status as `ivr voicemail list` shows it: `new (interrupted)` for a recovered message.
    static func status(_ record: VoicemailRecord) -> String {
        record.interrupted ? "\(record.status.rawValue) (interrupted)" : record.status.rawValue
    }
}

extension StoreLocationOptions {
    /// Opens the store and completes messages whose recording process died (a `note:` line on
    /// standard error for each), so every voicemail command sees them as agents should.
    func openStoreRecoveringVoicemail() throws -> Store {
        let store = try openStore()
        for line in InterruptedVoicemailText.lines(try store.recoverInterruptedVoicemails()) { StoreText.printNote(line) }
        return store
    }
}
