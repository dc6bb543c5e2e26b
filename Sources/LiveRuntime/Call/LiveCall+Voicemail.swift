import CallFlow
import Foundation
import Storage

/// Voicemail on a live call: the row is written when recording starts and completed when it ends,
/// so a crash mid-message leaves a row (status recording) that the next start, `ivr voicemail
/// list` or `check` completes from the file (`Store.recoverInterruptedVoicemails`).
///
/// Order (see `Store.startVoicemail` for what a crash between two steps leaves): lock, file,
/// row; audio; trim; complete the row (or drop file, then row); unlock.
extension LiveCall {
    func record(_ request: RecordRequest) {
        pendingRecord = request
        recordingStep = state.step >= 0 ? program.stepNames[state.step] : nil
        recordingTopic = request.topic >= 0 ? program.values[request.topic] : nil
        beepEnd = nil
        if request.beep {
            beepSerial = playout.play([Playout.Clip(name: "beep", samples: sounds.beep)])
        } else {
            startRecording()
        }
    }

    /// Opens the voicemail file (named by the store, never by the caller), writes its row and starts recording.
    func startRecording() {
        guard let request = pendingRecord else { return }
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
            log(now, "record", name: program.mailboxNames[request.mailbox], value: file.relative)
        } catch {
            recordingLock?.release()
            recordingLock = nil
            fail(error)
            post(.recordingStopped(.maxLength, duration: 0))
            return
        }
        // Without the lock another process could take a live recording for an interrupted one,
        // so the row then waits for the end (as `indexVoicemail`).
        guard let records, recordingLock != nil else { return }
        do { recordingID = try records.startVoicemail(message(file: file.relative, mailbox: request.mailbox, duration: 0)) } catch {
            fail(error)
        }
    }

    /// Ends the recording and tells the interpreter its (trimmed) length.
    func finishRecording(_ reason: RecordingStopReason, keyStart: Int?) {
        guard let recorder else {
            if pendingRecord != nil {
                pendingRecord = nil
                post(.recordingStopped(reason, duration: 0))
            }
            return
        }
        var duration = 0.0
        do { duration = try recorder.finish(keyStartFrame: reason == .finishKey ? keyStart : nil) } catch {
            fail(error)
            duration = Double(recorder.frames) / 8000
        }
        log(now, "record-end", value: "\(reason.rawValue) \(Self.format(duration))s")
        post(.recordingStopped(reason, duration: duration))
        if reason == .callerHungUp { drain() }
    }

    /// Completes the message's row (the trimmed file is complete on disk), then lets go of its lock.
    func saveRecording(mailbox: Int, duration: Double) {
        guard let file = recordingFile else { return }
        let id = recordingID
        recorder = nil
        recordingFile = nil
        recordingID = nil
        defer {
            recordingLock?.release()
            recordingLock = nil
        }
        log(now, "voicemail", name: program.mailboxNames[mailbox], value: "saved \(Self.format(duration))s \(file)")
        guard let records else { return }
        do {
            if let id {
                try records.completeVoicemail(id, duration: duration)
                savedVoicemailID = id
            } else {
                savedVoicemailID = try records.indexVoicemail(message(file: file, mailbox: mailbox, duration: duration))
            }
        } catch { fail(error) }
    }

    /// Drops a too-short message: its file, then its row, then its lock.
    func discardRecording(mailbox: Int, duration: Double) {
        recorder?.discard()
        if let id = recordingID, let records {
            do { try records.discardVoicemail(id) } catch { fail(error) }
        }
        recordingLock?.release()
        recordingLock = nil
        recorder = nil
        recordingFile = nil
        recordingID = nil
        log(now, "voicemail", name: program.mailboxNames[mailbox], value: "dropped \(Self.format(duration))s (too short)")
    }

    private func message(file: String, mailbox: Int, duration: Double) -> NewVoicemail {
        NewVoicemail(file: file, caller: e164(options.callerID), receivedAt: recordingStartedAt, duration: duration,
                     flow: program.name, step: recordingStep, topic: recordingTopic, mailbox: program.mailboxNames[mailbox])
    }
}
