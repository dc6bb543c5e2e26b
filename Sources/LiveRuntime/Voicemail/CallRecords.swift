import CallQueue
import Foundation
import Storage

/// Where a live call keeps what it produces: voicemail files and their index, callbacks.
///
/// Wraps the `Store`. File names are chosen here (time and random digits from the injected
/// generator), never from what a caller keyed in.
public final class CallRecords: @unchecked Sendable {
    /// The store.
    public let store: Store
    private let lock = NSLock()
    private var generator: any RandomNumberGenerator

    /// Records into `store`; `generator` draws the random part of voicemail file names.
    public init(store: Store, generator: any RandomNumberGenerator = SystemRandomNumberGenerator()) {
        self.store = store
        self.generator = generator
    }

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
    /// process treats the message as interrupted.
    func lockRecording(_ file: String) throws(LiveCallError) -> VoicemailRecordingLock {
        do { return try VoicemailRecordingLock.acquire(for: file, in: store.directory) } catch {
            throw .store("\(store.directory.voicemailURL.path): error: cannot lock the recording \(file): \(error)")
        }
    }

    /// Writes the row of a message whose file has just been created (status recording); returns its id.
    func startVoicemail(_ message: NewVoicemail) throws(LiveCallError) -> Int64? {
        do { return try store.startVoicemail(message).id } catch {
            throw .store("\(store.directory.databaseURL.path): error: cannot index voicemail \(message.file) as it starts: \(error)")
        }
    }

    /// Completes the row of a message recorded to its end.
    func completeVoicemail(_ id: Int64, duration: Double) throws(LiveCallError) {
        do { try store.completeVoicemail(id, duration: duration) } catch {
            throw .store("\(store.directory.databaseURL.path): error: cannot complete voicemail \(id): \(error)")
        }
    }

    /// Drops a too-short message: file, then row.
    func discardVoicemail(_ id: Int64) throws(LiveCallError) {
        do { try store.discardVoicemail(id) } catch {
            throw .store("\(store.directory.databaseURL.path): error: cannot drop voicemail \(id): \(error)")
        }
    }

    /// Indexes a voicemail already on disk; returns its id.
    func indexVoicemail(_ message: NewVoicemail) throws(LiveCallError) -> Int64? {
        do { return try store.indexVoicemail(message).id } catch {
            throw .store("\(store.directory.databaseURL.path): error: cannot index voicemail \(message.file): \(error)")
        }
    }

    /// Stores a callback request (merged with an open one for the same number); returns its id.
    func requestCallback(_ request: Storage.CallbackRequest, at time: Date) throws(LiveCallError) -> Int64? {
        do { return try store.requestCallback(request, now: time).callback.id } catch {
            throw .store("\(store.directory.databaseURL.path): error: cannot store the callback for \(request.number.e164): \(error)")
        }
    }
}

/// Boxes an existential generator so it can be passed `inout` to a generic function.
struct AnyGenerator: RandomNumberGenerator {
    var base: any RandomNumberGenerator
    mutating func next() -> UInt64 { base.next() }
}
