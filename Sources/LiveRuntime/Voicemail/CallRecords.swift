import CallQueue
import Dispatch
import Foundation
import Storage

/// Where a live call keeps what it produces: voicemail files and their index, callbacks, call records.
///
/// Wraps the `Store` behind one serial writer: a line thread only queues its writes (in order)
/// and goes on with its audio, so a busy database (another process in a write transaction, up to
/// the store's busy timeout) never delays a period. Writes are never dropped: ``flush()`` waits
/// for them all (a line calls it once its call has hung up, the server on shutdown). File names
/// are chosen here (time and random digits from the injected generator), never from what a
/// caller keyed in.
public final class CallRecords: @unchecked Sendable {
    /// The store.
    public let store: Store
    private let lock = NSLock()
    private var generator: any RandomNumberGenerator
    private let writer = DispatchQueue(label: "switchboard.store-writer", qos: .utility)

    /// Records into `store`; `generator` draws the random part of voicemail file names.
    public init(store: Store, generator: any RandomNumberGenerator = SystemRandomNumberGenerator()) {
        self.store = store
        self.generator = generator
    }

    /// What one call has sent to the writer: the rows it made (touched only on the writer) and
    /// the errors met (read by the line once flushed).
    final class CallWork: @unchecked Sendable {
        /// The row of the message being recorded (written when recording starts).
        var voicemailID: Int64?
        /// The row of the message kept on this call (a callback after voicemail points to it).
        var savedVoicemailID: Int64?
        private let lock = NSLock()
        private var failures: [LiveCallError] = []

        func fail(_ error: LiveCallError) { lock.withLock { failures.append(error) } }

        /// The errors met so far, taken (each reported once).
        func takeFailures() -> [LiveCallError] { lock.withLock { defer { failures = [] }; return failures } }
    }

    /// Queues `body` on the writer; its errors go to `work`.
    private func submit(_ work: CallWork, _ body: @escaping @Sendable (Store) throws(LiveCallError) -> Void) {
        let store = store
        writer.async {
            do throws(LiveCallError) { try body(store) } catch { work.fail(error) }
        }
    }

    /// Waits until every write queued so far is done.
    public func flush() { writer.sync {} }

    /// A fresh voicemail file: its path relative to the data directory and its absolute URL.
    func newVoicemailFile(at time: Date) -> (relative: String, url: URL) {
        lock.lock()
        defer { lock.unlock() }
        var rng = AnyGenerator(base: generator)
        let relative = store.newVoicemailFile(at: time, using: &rng)
        generator = rng.base
        return (relative, store.directory.resolve(relativePath: relative))
    }

    /// Takes the recording lock of `file` (before the file is created): while held, no other
    /// process treats the message as interrupted. A file lock, not the database.
    func lockRecording(_ file: String) throws(LiveCallError) -> VoicemailRecordingLock {
        do { return try VoicemailRecordingLock.acquire(for: file, in: store.directory) } catch {
            throw .store("\(store.directory.voicemailURL.path): error: cannot lock the recording \(file): \(error)")
        }
    }

    /// Writes the row of a message whose file has just been created (status recording).
    func startVoicemail(_ message: NewVoicemail, _ work: CallWork) {
        submit(work) { (store) throws(LiveCallError) in
            do { work.voicemailID = try store.startVoicemail(message).id } catch {
                throw .store("\(store.directory.databaseURL.path): error: cannot index voicemail \(message.file) as it starts: \(error)")
            }
        }
    }

    /// Completes the row of a message recorded to its end (or indexes it when no row was started),
    /// then lets go of its recording lock.
    func keepVoicemail(_ message: NewVoicemail, lock: VoicemailRecordingLock?, _ work: CallWork) {
        submit(work) { (store) throws(LiveCallError) in
            defer { lock?.release() }
            do {
                if let id = work.voicemailID {
                    _ = try store.completeVoicemail(id, duration: message.duration)
                    work.savedVoicemailID = id
                } else {
                    work.savedVoicemailID = try store.indexVoicemail(message).id
                }
                work.voicemailID = nil
            } catch {
                throw .store("\(store.directory.databaseURL.path): error: cannot index voicemail \(message.file): \(error)")
            }
        }
    }

    /// Drops a too-short message's row, then its file, then its recording lock.
    func dropVoicemail(file: URL?, lock: VoicemailRecordingLock?, _ work: CallWork) {
        submit(work) { (store) throws(LiveCallError) in
            defer {
                if let file { try? FileManager.default.removeItem(at: file) }
                lock?.release()
            }
            guard let id = work.voicemailID else { return }
            work.voicemailID = nil
            do { try store.discardVoicemail(id) } catch {
                throw .store("\(store.directory.databaseURL.path): error: cannot drop voicemail \(id): \(error)")
            }
        }
    }

    /// Stores a callback request (merged with an open one for the same number); a callback after
    /// a message kept on the same call points to that message.
    func requestCallback(_ request: Storage.CallbackRequest, at time: Date, _ work: CallWork) {
        submit(work) { (store) throws(LiveCallError) in
            var request = request
            if request.voicemailID == nil { request.voicemailID = work.savedVoicemailID }
            do { _ = try store.requestCallback(request, now: time) } catch {
                throw .store("\(store.directory.databaseURL.path): error: cannot store the callback for \(request.number.e164): \(error)")
            }
        }
    }

    /// Writes the call's record.
    func saveCallRecord(_ record: CallRecord, _ work: CallWork) {
        submit(work) { (store) throws(LiveCallError) in
            do { try store.saveCallRecord(record) } catch {
                throw .store("\(store.directory.databaseURL.path): error: cannot save the call record: \(error)")
            }
        }
    }
}

/// Boxes an existential generator so it can be passed `inout` to a generic function.
struct AnyGenerator: RandomNumberGenerator {
    var base: any RandomNumberGenerator
    mutating func next() -> UInt64 { base.next() }
}
