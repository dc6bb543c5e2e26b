/// The dispatcher: who gets what, at time `t`.
///
/// Rule: across all queues, the oldest eligible item of any line (live caller
/// or callback, by place) that has an eligible idle agent is served first; the
/// queue's strategy picks the agent. Callbacks go to callback-only agents
/// (no station) when one is idle, else to agents with a station.
extension QueueManager {
    /// The next thing to do at time `t`, or `nil` when there is nothing.
    /// Call it after every input until it returns `nil`.
    ///
    /// Inlined into the driver: the usual last call of a drain (no agent idle, or nobody
    /// waiting, and nothing timed pending) answers `nil` from a few counters without a call.
    @inlinable
    public mutating func next(at t: Double) -> QueueOutput? {
        if pendingOutputs.isEmpty, openCallbackCount == 0, pendingEmptyChecks == 0,
           idleCount == 0 || waitingTotal + readyTotal == 0 { return nil }
        return decideNext(at: t)
    }

    /// `next(at:)` when there may be something to do.
    @usableFromInline
    mutating func decideNext(at t: Double) -> QueueOutput? {
        makeTablesUnique()
        if !pendingOutputs.isEmpty { return pendingOutputs.removeFirst() }
        if openCallbackCount > 0, t >= callbackTimerDue, let out = runCallbackTimers(at: t) { return out }
        if pendingEmptyChecks > 0, let out = removeFromEmptyQueues(at: t) { return out }
        guard idleCount > 0, waitingTotal + readyTotal > 0 else { return nil }
        if readyTotal == 0, queues.count == 1 { return dispatchLiveOnly(at: t) }
        return dispatch(at: t)
    }

    /// The common case of one queue and no callbacks due: the head caller
    /// goes to the agent the strategy picks, if one is eligible.
    @inline(__always)
    private mutating func dispatchLiveOnly(at t: Double) -> QueueOutput? {
        guard let head = liveHead(0) else { return nil }
        let maxLevel = QueueState.maxLevel(queues[0].strategy, queues[0].wideningStep, afterWaiting: t - head.joinedAt)
        guard let agent = queues[0].pickers.pick(maxLevel: maxLevel, idleEpoch) else {
            return nil
        }
        return offerHead(of: 0, to: Int(agent.index), at: t)
    }

    private enum Mode { case none, liveToStation, callbackToStation, callbackToCallbackOnly }

    @inline(never)
    private mutating func dispatch(at t: Double) -> QueueOutput? {
        var best = -1
        var bestKey = Double.infinity
        var bestSeq = UInt64.max
        var mode = Mode.none
        for q in queues.indices {
            if queues[q].waitingCount == 0, queues[q].readyCount == 0 { continue }
            let live = queues[q].waitingCount > 0 ? liveHead(q) : nil
            let callback = queues[q].readyCount > 0 && isOpen(q, at: t) ? readyHead(q) : nil
            var key = Double.infinity, seq = UInt64.max, headIsLive = false
            if let l = live { key = l.joinedAt; seq = l.seq; headIsLive = true }
            if let c = callback, (c.placeKey, c.placeSeq) < (key, seq) {
                key = c.placeKey; seq = c.placeSeq; headIsLive = false
            }
            guard (key, seq) < (bestKey, bestSeq) else { continue }
            if !headIsLive, queues[q].callbackOnly.hasIdle(maxLevel: .max, epochs: idleEpoch) {
                best = q; bestKey = key; bestSeq = seq; mode = .callbackToCallbackOnly
                continue
            }
            let maxLevel = QueueState.maxLevel(queues[q].strategy, queues[q].wideningStep, afterWaiting: t - key)
            if queues[q].pickers.hasIdle(maxLevel: maxLevel, idleEpoch) {
                best = q; bestKey = key; bestSeq = seq; mode = headIsLive ? .liveToStation : .callbackToStation
            } else if let c = callback, (c.placeKey, c.placeSeq) < (bestKey, bestSeq),
                      queues[q].callbackOnly.hasIdle(maxLevel: .max, epochs: idleEpoch) {
                best = q; bestKey = c.placeKey; bestSeq = c.placeSeq; mode = .callbackToCallbackOnly
            }
        }
        switch mode {
        case .none:
            return nil
        case .liveToStation:
            let maxLevel = QueueState.maxLevel(queues[best].strategy, queues[best].wideningStep, afterWaiting: t - bestKey)
            guard let agent = queues[best].pickers.pick(maxLevel: maxLevel, idleEpoch) else { return nil }
            return offerHead(of: best, to: Int(agent.index), at: t)
        case .callbackToStation:
            let maxLevel = QueueState.maxLevel(queues[best].strategy, queues[best].wideningStep, afterWaiting: t - bestKey)
            guard let agent = queues[best].pickers.pick(maxLevel: maxLevel, idleEpoch) else { return nil }
            return reserveReadyHead(of: best, for: Int(agent.index), at: t)
        case .callbackToCallbackOnly:
            guard let agent = queues[best].callbackOnly.pick(maxLevel: .max, epochs: idleEpoch) else { return nil }
            return reserveReadyHead(of: best, for: Int(agent.index), at: t)
        }
    }

    /// Rings agent `a` for the caller at the head of queue `q`'s line.
    @inline(__always)
    private mutating func offerHead(of q: Int, to a: Int, at t: Double) -> QueueOutput {
        let entry = queues[q].waiting.removeFirst()
        queues[q].waitingCount -= 1
        waitingTotal -= 1
        let s = Int(entry.slot)
        calls[s].phase = CallSlot.offered
        calls[s].offeredTo = Int32(a)
        calls[s].offeredAt = t
        agents[a].work = .caller
        agents[a].workCall = calls[s].call
        agents[a].workTicket = CallTicket(slot: entry.slot, generation: entry.generation)
        agents[a].workQueue = Int32(q)
        agents[a].workJoinedAt = entry.joinedAt
        agents[a].workOfferedAt = t
        agents[a].workOriginalPosition = calls[s].originalPosition
        setState(a, .ringing)
        let offer = CallerOffer(call: calls[s].call, ticket: agents[a].workTicket, queue: QueueHandle(q),
                                agent: AgentHandle(a), topic: calls[s].topic, joinedAt: entry.joinedAt)
        if queues[q].strategy == .ringAll { ringOthers(with: offer, slot: entry.slot, at: t) }
        return .offer(offer)
    }

    /// Removes callers from queues that became empty under `leaveWhenEmpty`.
    @inline(never)
    private mutating func removeFromEmptyQueues(at t: Double) -> QueueOutput? {
        for q in queues.indices where queues[q].emptyCheckPending {
            if queues[q].counts.isEmpty(under: queues[q].leaveWhenEmpty), let head = liveHead(q) {
                let s = Int(head.slot)
                let waited = t - calls[s].joinedAt
                emit(t, .exit(call: calls[s].call, queue: QueueHandle(q), reason: .empty, position: 1,
                              originalPosition: Int(calls[s].originalPosition), waitTime: waited))
                queues[q].waiting.removeFirst()
                queues[q].waitingCount -= 1
                waitingTotal -= 1
                let call = calls[s].call
                freeSlot(s)
                return .removed(CallerRemoval(call: call, queue: QueueHandle(q), waited: waited))
            }
            queues[q].emptyCheckPending = false
            pendingEmptyChecks -= 1
        }
        return nil
    }
}
