/// Callers joining and leaving queues.
extension QueueManager {
    /// A caller joins `queue` at time `t`. Refused (`JOINEMPTY`) when the
    /// queue is empty under its `joinEmpty` conditions.
    public mutating func join(call: CallID, queue: QueueHandle, topic: TopicHandle = .none,
                              at t: Double) throws(QueueError) -> JoinResult {
        makeTablesUnique()
        let q = try checkQueue(queue)
        if queues[q].counts.isEmpty(under: queues[q].joinEmpty) {
            emit(t, .joinEmpty(call: call, queue: queue))
            return .refusedEmpty
        }
        let slot: Int32
        if let s = freeSlots.popLast() {
            slot = s
        } else {
            slot = Int32(calls.count)
            calls.append(CallSlot())
        }
        joinSeq &+= 1
        let position = queues[q].waitingCount + queues[q].readyCount + 1
        let s = Int(slot)
        calls[s].call = call
        calls[s].queue = Int32(q)
        calls[s].topic = topic
        calls[s].joinedAt = t
        calls[s].joinSeq = joinSeq
        calls[s].originalPosition = Int32(clamping: position)
        calls[s].phase = CallSlot.waiting
        calls[s].offeredTo = -1
        let generation = calls[s].generation
        queues[q].waiting.append(WaitingEntry(joinedAt: t, seq: joinSeq, slot: slot, generation: generation))
        queues[q].waitingCount += 1
        waitingTotal += 1
        emit(t, .enterQueue(call: call, queue: queue, position: position))
        let maxWait = queues[q].maxWait
        let timeoutAt: Double? = maxWait.isFinite ? t + maxWait : nil
        return .joined(Joined(ticket: CallTicket(slot: slot, generation: generation),
                              position: position, timeoutAt: timeoutAt))
    }

    /// A caller leaves without being answered: hung up (`.abandon`), pressed
    /// an exit key, or timed out. If an agent was ringing for them, the offer
    /// is withdrawn and the agent is available again (not a missed offer).
    /// Returns the seconds waited.
    @discardableResult
    public mutating func leave(_ ticket: CallTicket, reason: LeaveReason, at t: Double) throws(QueueError) -> Double {
        makeTablesUnique()
        let s = try checkTicket(ticket)
        let q = Int(calls[s].queue)
        if eventsEnabled {
            let position = calls[s].phase == CallSlot.waiting ? position(ofSlot: s, queue: q) : 1
            emit(t, .exit(call: calls[s].call, queue: QueueHandle(q), reason: reason, position: position,
                          originalPosition: Int(calls[s].originalPosition), waitTime: t - calls[s].joinedAt))
        }
        let waited = t - calls[s].joinedAt
        if calls[s].phase == CallSlot.waiting {
            queues[q].waitingCount -= 1
            waitingTotal -= 1
        } else if ringGroups.isEmpty || !releaseRingGroup(slot: Int32(s), at: t) {
            let a = Int(calls[s].offeredTo)
            agents[a].work = .none
            finishWork(a, at: t, missed: false)
        }
        freeSlot(s)
        compactLine(q)
        return waited
    }

    /// Drops the entries of callers who left from queue `q`'s line once they outnumber the
    /// callers still waiting. A caller who leaves stays in the line until the head reaches them,
    /// and the head only moves when an agent is free: with no agent free for a long time (or
    /// none at all) every caller who gave up would stay, and memory would grow with each call.
    /// Amortised O(1) per leave; the order of the line is kept.
    @inline(__always)
    mutating func compactLine(_ q: Int) {
        guard queues[q].waiting.count > 2 * queues[q].waitingCount + 64 else { return }
        let calls = self.calls
        queues[q].waiting.removeAll { e in
            let s = Int(e.slot)
            return calls[s].generation != e.generation || calls[s].phase != CallSlot.waiting
        }
    }

    /// Whether the ticket's caller is still waiting or ringing (not yet
    /// connected, not gone). O(1); lets a driver drop a stale patience timer.
    @inline(__always)
    public func isWaiting(_ ticket: CallTicket) -> Bool {
        let s = Int(ticket.slot)
        return s >= 0 && s < calls.count && calls[s].generation == ticket.generation && calls[s].phase != CallSlot.free
    }

    /// Position of a waiting caller (1 = next), counting live callers and
    /// eligible callbacks ahead. O(callers ahead + log callbacks ready).
    public func position(of ticket: CallTicket) throws(QueueError) -> Int {
        let s = try checkTicket(ticket)
        guard calls[s].phase == CallSlot.waiting else { return 1 }
        return position(ofSlot: s, queue: Int(calls[s].queue))
    }

    /// Estimated seconds until the waiting caller is answered (see
    /// `WaitEstimator`), or `nil` without history.
    public func estimatedWait(of ticket: CallTicket) throws(QueueError) -> Double? {
        let s = try checkTicket(ticket)
        let q = Int(calls[s].queue)
        let p = calls[s].phase == CallSlot.waiting ? position(ofSlot: s, queue: q) : 1
        return queues[q].estimator.estimate(position: p, staffed: queues[q].counts.staffed)
    }

    // MARK: Internals

    @inline(__always)
    func checkTicket(_ ticket: CallTicket) throws(QueueError) -> Int {
        let s = Int(ticket.slot)
        guard s >= 0, s < calls.count, calls[s].generation == ticket.generation,
              calls[s].phase != CallSlot.free else { throw .staleTicket }
        return s
    }

    @inline(__always)
    mutating func freeSlot(_ s: Int) {
        calls[s].phase = CallSlot.free
        calls[s].generation &+= 1
        freeSlots.append(Int32(s))
    }

    @inline(__always)
    func isLive(_ e: WaitingEntry) -> Bool {
        let s = Int(e.slot)
        return calls[s].generation == e.generation && calls[s].phase == CallSlot.waiting
    }

    /// Live callers ahead (the line is sorted by place: stops at the caller)
    /// plus current ready callbacks ahead (binary search in `readyPlaces`).
    func position(ofSlot s: Int, queue q: Int) -> Int {
        let key = (calls[s].joinedAt, calls[s].joinSeq)
        var ahead = 0
        for e in queues[q].waiting {
            guard (e.joinedAt, e.seq) < key else { break }
            if isLive(e) { ahead += 1 }
        }
        ahead += queues[q].readyPlaces.countBefore(ReadyPlace(key: key.0, seq: key.1))
        return ahead + 1
    }

    /// Puts a caller back in line at their original place (after a missed offer).
    mutating func requeue(slot s: Int, queue q: Int) {
        calls[s].phase = CallSlot.waiting
        calls[s].offeredTo = -1
        let entry = WaitingEntry(joinedAt: calls[s].joinedAt, seq: calls[s].joinSeq,
                                 slot: Int32(s), generation: calls[s].generation)
        let key = (entry.joinedAt, entry.seq)
        var i = 0
        while i < queues[q].waiting.count,
              (queues[q].waiting[i].joinedAt, queues[q].waiting[i].seq) < key { i += 1 }
        if i == 0 { queues[q].waiting.prepend(entry) } else { queues[q].waiting.insert(entry, at: i) }
        queues[q].waitingCount += 1
        waitingTotal += 1
    }

    /// Drops stale entries at the head of a queue's line of live callers.
    @inline(__always)
    mutating func liveHead(_ q: Int) -> WaitingEntry? {
        while let first = queues[q].waiting.first {
            if isLive(first) { return first }
            queues[q].waiting.removeFirst()
        }
        return nil
    }
}
