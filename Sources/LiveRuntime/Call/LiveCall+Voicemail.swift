import CallFlow
import Foundation
import Storage

/// Voicemail on a live call: the row is written when recording starts and completed when it ends
/// (both queued on the store writer, in order, so the line never waits for the database),
/// so a crash mid-message leaves a row (status recording) that the next start, `ivr voicemail
/// list` or `check` completes from the file (`Store.recoverInterruptedVoicemails`).
///
/// Order (see `Store.startVoicemail` for what a crash between two steps leaves): lock, file,
/// row; audio; trim; complete the row (or drop file, then row); unlock.
extension LiveCall {
    /// Plays the beep if asked, then opens the recording; an event to feed if it could not start.
    public func startRecording(_ request: RecordRequest, serial: UInt32, at now: Double) -> CallEvent? {
        pendingRecord = request
        recordingStep = call.state.step >= 0 ? program.stepNames[call.state.step] : nil
        recordingTopic = request.topic >= 0 ? program.values[request.topic] : nil
        beepEnd = nil
        if request.beep {
            beepSerial = playout.play([Playout.Clip(prompt: -1, samples: sounds.beep)])
            return nil
        }
        return openRecording() ? nil : .recordingStopped(.maxLength, duration: 0)
    }

    /// Stops the recording now (or the beep before it); returns the trimmed message length.
    public func stopRecording(_ reason: RecordingStopReason, at now: Double) -> Double {
        if recorder == nil, pendingRecord != nil {
            pendingRecord = nil
            playout.stop()
            beepSerial = -1
            return 0
        }
        return finishRecorder(reason, keyStart: reason == .finishKey ? lastKeyStart : nil)
    }

    /// Opens the voicemail file (named by the store, never by the caller), writes its row and
    /// starts recording. False when the file could not be opened.
    func openRecording() -> Bool {
        guard let request = pendingRecord else { return true }
        pendingRecord = nil
        beepSerial = -1
        beepEnd = nil
        recordingStartedAt = options.start.addingTimeInterval(seconds)
        let file: (relative: String, url: URL)
        if let records {
            file = records.newVoicemailFile(at: recordingStartedAt)
            do { recordingLock = try records.lockRecording(file.relative) } catch { fail(error) }
        } else {
            let name = "voicemail-\(UUID().uuidString).wav"
            file = (name, FileManager.default.temporaryDirectory.appendingPathComponent(name))
        }
        do {
            recorder = try VoicemailRecorder(url: file.url, request: request, startFrame: now)
            recordingFile = file.relative
            var me = self
            CallRunner.recordingStarted(serial: call.recordSerial, mailbox: request.mailbox, at: seconds, &me)
        } catch {
            recordingLock?.release()
            recordingLock = nil
            fail(error)
            return false
        }
        // Without the lock another process could take a live recording for an interrupted one,
        // so the row then waits for the end (as `indexVoicemail`).
        guard let records, recordingLock != nil else { return true }
        records.startVoicemail(message(file: file.relative, mailbox: request.mailbox, duration: 0), storeWork)
        return true
    }

    /// Ends the recorder and returns the message's (trimmed) length.
    func finishRecorder(_ reason: RecordingStopReason, keyStart: Int?) -> Double {
        guard let recorder else { return 0 }
        do { return try recorder.finish(keyStartFrame: keyStart) } catch {
            fail(error)
            return Double(recorder.frames) / 8000
        }
    }

    /// Queues the completion of the message's row (the trimmed file is complete on disk), then
    /// the release of its lock, on the store writer.
    func saveRecording(mailbox: Int, duration: Double) {
        guard let file = recordingFile else { return }
        let lock = recordingLock
        recorder = nil
        recordingFile = nil
        recordingLock = nil
        keptMessage = true
        guard let records else {
            lock?.release()
            return
        }
        records.keepVoicemail(message(file: file, mailbox: mailbox, duration: duration), lock: lock, storeWork)
    }

    /// Drops a too-short message: on the store writer, after the row its start may still be
    /// writing, its row, its file and its lock (without a store, the file now).
    func discardRecording(mailbox: Int, duration: Double) {
        let lock = recordingLock
        let file = recorder?.url
        recordingLock = nil
        recordingFile = nil
        if let records {
            recorder?.closeForDiscard()
            records.dropVoicemail(file: file, lock: lock, storeWork)
        } else {
            recorder?.discard()
            lock?.release()
        }
        recorder = nil
    }

    private func message(file: String, mailbox: Int, duration: Double) -> NewVoicemail {
        NewVoicemail(file: file, caller: e164(options.callerID), receivedAt: recordingStartedAt, duration: duration,
                     flow: program.name, step: recordingStep, topic: recordingTopic, mailbox: program.mailboxNames[mailbox])
    }
}
