/// Where a callback is filed, so heap entries that moved on are recognised.
enum CallbackPlace: UInt8, Sendable { case scheduled, ready, reserved, working }

/// A callback's current filing: heap entries with another version are stale.
struct CallbackTrack: Sendable {
    var version: UInt32
    var place: CallbackPlace
    /// The place it was filed at while `.ready` (in the queue's `readyPlaces`).
    var ready = ReadyPlace(key: 0, seq: 0)
}

/// Callback filing and timers: due times, reservation expiry.
extension QueueManager {
    /// Files a pending callback as ready (due) or scheduled (not yet due).
    mutating func file(_ id: CallbackID, at t: Double) {
        guard let cb = callbacks[id] else { return }
        let q = Int(cb.queue.index)
        if cb.notBefore <= t {
            let v = bumpVersion(id, place: .ready)
            let place = ReadyPlace(key: cb.placeKey, seq: cb.placeSeq)
            callbackTrack[id]?.ready = place
            queues[q].ready.insert(ReadyCallback(placeKey: cb.placeKey, placeSeq: cb.placeSeq, id: id, version: v))
            queues[q].readyPlaces.insert(place)
            queues[q].readyCount += 1
            readyTotal += 1
        } else {
            let v = bumpVersion(id, place: .scheduled)
            queues[q].scheduled.insert(TimedCallback(time: cb.notBefore, id: id, version: v))
            callbackTimerDue = min(callbackTimerDue, cb.notBefore)
        }
    }

    /// Takes a pending callback out of its heap (its entry goes stale).
    mutating func unfile(_ id: CallbackID) {
        guard let track = callbackTrack[id] else { return }
        if track.place == .ready, let q = callbacks[id].map({ Int($0.queue.index) }) {
            queues[q].readyPlaces.remove(track.ready)
            queues[q].readyCount -= 1
            readyTotal -= 1
        }
        callbackTrack[id] = CallbackTrack(version: track.version &+ 1, place: .working)
    }

    @discardableResult
    mutating func bumpVersion(_ id: CallbackID, place: CallbackPlace) -> UInt32 {
        let v = (callbackTrack[id]?.version ?? 0) &+ 1
        callbackTrack[id] = CallbackTrack(version: v, place: place)
        return v
    }

    @inline(__always)
    func isCurrent(_ r: ReadyCallback) -> Bool { callbackTrack[r.id]?.version == r.version }

    /// The first current ready callback of queue `q` (drops stale entries).
    mutating func readyHead(_ q: Int) -> ReadyCallback? {
        while let top = queues[q].ready.min {
            if isCurrent(top) { return top }
            _ = queues[q].ready.popMin()
        }
        return nil
    }

    /// Expires one due reservation (returned as output), after promoting
    /// callbacks whose time has come.
    mutating func runCallbackTimers(at t: Double) -> QueueOutput? {
        promoteDue(at: t)
        while let top = reservations.min, top.time <= t {
            _ = reservations.popMin()
            guard callbackTrack[top.id]?.version == top.version, let cb = callbacks[top.id],
                  cb.status == .reserved, let agent = cb.reservedBy else { continue }
            let a = Int(agent.index)
            emit(t, .callbackExpired(id: cb.id, queue: cb.queue, agent: agent))
            returnReservation(cb.id, at: t)
            agents[a].work = .none
            finishWork(a, at: t, missed: true)
            recomputeTimerDue()
            return .reservationExpired(id: cb.id, agent: agent)
        }
        recomputeTimerDue()
        return nil
    }

    /// Moves scheduled callbacks whose `notBefore` has come to the ready line.
    mutating func promoteDue(at t: Double) {
        for q in queues.indices {
            while let top = queues[q].scheduled.min, top.time <= t {
                _ = queues[q].scheduled.popMin()
                guard callbackTrack[top.id]?.version == top.version else { continue }
                file(top.id, at: t)
            }
        }
    }

    mutating func recomputeTimerDue() {
        var due = reservations.min?.time ?? .infinity
        for q in queues.indices {
            if let top = queues[q].scheduled.min { due = min(due, top.time) }
        }
        callbackTimerDue = due
    }
}
