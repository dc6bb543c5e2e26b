/// Callback requests, reservations and outcomes. See `CallbackRules` for the
/// keep-your-place rule.
extension QueueManager {
    /// The answer to a callback request.
    public enum CallbackRequestResult: Sendable, Hashable {
        /// A new callback.
        case created(Callback)
        /// Merged into an open callback for the same number.
        case merged(Callback)

        /// The callback, new or merged.
        public var callback: Callback {
            switch self { case .created(let c), .merged(let c): c }
        }
    }

    /// What follows a reported outcome.
    public struct OutcomeResult: Sendable, Hashable {
        /// Retry or closed.
        public var next: CallbackNext
        /// When the agent's wrap-up ends (= `t` without wrap-up).
        public var wrapUpEnds: Double
    }

    /// Requests a callback of `number` for `queue` at time `t`, from a
    /// voicemail, after hours or by hand. A second request for a number with
    /// an open callback merges into it (`CallbackRules.merge`).
    ///
    /// For a caller who has already left the queue (`source: .queue`, e.g. a
    /// flow that confirms the request after `EXITWITHKEY`), pass the time they
    /// joined as `joinedAt`: the callback keeps that place
    /// (`CallbackRules.placeKey`), behind callers who joined earlier and ahead
    /// of those who joined later. Two joins at the very same instant are then
    /// ordered by request. For a caller still holding, use `leaveWithCallback`.
    public mutating func requestCallback(number: String, queue: QueueHandle, topic: TopicHandle = .none,
                                         source: CallbackSource, joinedAt: Double? = nil,
                                         at t: Double) throws(QueueError) -> CallbackRequestResult {
        makeTablesUnique()
        let q = try checkQueue(queue)
        joinSeq &+= 1
        return fileRequest(number: number, queue: q, topic: topic, source: source, at: t,
                           placeKey: CallbackRules.placeKey(source: source, requestedAt: t, joinedAt: joinedAt),
                           placeSeq: joinSeq)
    }

    /// A waiting caller asks to be called back instead of holding (pressed
    /// `key`): they leave the queue (`EXITWITHKEY`) and the callback keeps
    /// their place: their join time and sequence (the keep-your-place rule).
    public mutating func leaveWithCallback(_ ticket: CallTicket, number: String, key: String = "",
                                           at t: Double) throws(QueueError) -> CallbackRequestResult {
        makeTablesUnique()
        let s = try checkTicket(ticket)
        let q = Int(calls[s].queue)
        let (joinedAt, seq, topic) = (calls[s].joinedAt, calls[s].joinSeq, calls[s].topic)
        try leave(ticket, reason: .exitWithKey(key), at: t)
        return fileRequest(number: number, queue: q, topic: topic, source: .queue, at: t,
                           placeKey: joinedAt, placeSeq: seq)
    }

    /// Reserves the first eligible callback of the agent's queues for the
    /// available agent, as `ivr callback next` does (`CallbackRules.servedBefore`,
    /// the order the store uses too); `nil` when none is due. Any level of skill will do.
    public mutating func reserveNextCallback(for agent: AgentHandle, at t: Double) throws(QueueError) -> Callback? {
        makeTablesUnique()
        let a = try checkAgent(agent)
        guard agents[a].state == .available else { throw wrongState(a, "take a callback") }
        if openCallbackCount > 0, t >= callbackTimerDue { promoteDue(at: t) }
        var best = -1
        var bestKey = (Double.infinity, UInt64.max)
        for i in membershipRange(a) {
            let q = Int(memberships[i].queue)
            guard queues[q].readyCount > 0, isOpen(q, at: t),
                  let head = readyHead(q), CallbackRules.servedBefore((head.placeKey, head.placeSeq), bestKey) else { continue }
            best = q
            bestKey = (head.placeKey, head.placeSeq)
        }
        guard best >= 0, case .callback(let offer)? = reserveReadyHead(of: best, for: a, at: t) else { return nil }
        return callbacks[offer.id]
    }

    /// The agent reports how the attempt on their reserved callback went.
    /// Retryable outcomes are retried after the retry interval while attempts
    /// remain; otherwise the callback closes. The agent goes into wrap-up.
    @discardableResult
    public mutating func reportOutcome(_ agent: AgentHandle, _ outcome: CallbackOutcome,
                                       at t: Double) throws(QueueError) -> OutcomeResult {
        makeTablesUnique()
        let a = try checkAgent(agent)
        guard agents[a].work == .callback, agents[a].state == .ringing || agents[a].state == .onCall else {
            throw wrongState(a, "report a callback outcome (no callback reserved)")
        }
        let id = agents[a].workCallback
        guard var cb = callbacks[id] else { throw .unknownCallback(id) }
        let q = Int(cb.queue.index)
        cb.attempts += 1
        cb.lastOutcome = outcome
        cb.reservedBy = nil
        cb.reservedUntil = nil
        let rules = callbackRules(q)
        let next = CallbackRules.afterOutcome(outcome, attempts: cb.attempts, at: t,
                                              policy: rules.policy, schedule: rules.schedule)
        emit(t, .callbackOutcome(id: id, queue: cb.queue, agent: agent, outcome: outcome,
                                 attempts: cb.attempts, next: next))
        switch next {
        case .retry(let due):
            joinSeq &+= 1
            cb.status = .pending
            cb.notBefore = due
            cb.placeKey = due
            cb.placeSeq = joinSeq
            callbacks[id] = cb
            file(id, at: t)
        case .close:
            close(&cb)
        }
        credit(a, queue: q, calls: 1, talk: agents[a].state == .onCall ? t - agents[a].workAnsweredAt : 0)
        setState(a, .onCall)
        let ends = startWrapUp(a, queue: q, at: t)
        return OutcomeResult(next: next, wrapUpEnds: ends)
    }

    /// Staff withdraw a pending callback (closes it as `cancelled`).
    public mutating func cancelCallback(_ id: CallbackID, at t: Double) throws(QueueError) {
        makeTablesUnique()
        guard var cb = callbacks[id] else { throw .unknownCallback(id) }
        guard cb.status == .pending else { throw .wrongCallbackStatus(id, cb.status, input: "cancel") }
        unfile(id)
        cb.lastOutcome = .cancelled
        close(&cb)
    }

    /// Loads a callback kept in a store (ids stay; later ids continue above);
    /// an id loaded twice is refused.
    /// A reserved one keeps its reservation until `reservedUntil`; its agent
    /// is not made to hold it (a restarted process reserves afresh).
    public mutating func restoreCallback(_ callback: Callback, at t: Double) throws(QueueError) {
        makeTablesUnique()
        _ = try checkQueue(callback.queue)
        guard callbacks[callback.id] == nil else { throw .duplicateName("callback \(callback.id)") }
        nextCallbackID = max(nextCallbackID, callback.id.raw + 1)
        joinSeq = max(joinSeq, callback.placeSeq)
        var cb = callback
        if cb.status == .reserved { cb.status = .pending; cb.reservedBy = nil; cb.reservedUntil = nil }
        callbacks[cb.id] = cb
        guard cb.status != .closed else { return }
        openCallbackCount += 1
        openByNumber[cb.number] = cb.id
        file(cb.id, at: t)
    }

    /// A callback by id (open or closed).
    public func callback(_ id: CallbackID) -> Callback? { callbacks[id] }

    /// All callbacks, open and closed, in id order.
    public var allCallbacks: [Callback] { callbacks.values.sorted { $0.id < $1.id } }

    // MARK: Internals

    private mutating func fileRequest(number: String, queue q: Int, topic: TopicHandle, source: CallbackSource,
                                      at t: Double, placeKey: Double, placeSeq: UInt64) -> CallbackRequestResult {
        let rules = callbackRules(q)
        let due = CallbackRules.firstDue(requestedAt: t, policy: rules.policy, schedule: rules.schedule) ?? .infinity
        if let id = openByNumber[number], let existing = callbacks[id] {
            let merged = CallbackRules.merge(existing, placeKey: placeKey, placeSeq: placeSeq, notBefore: due)
            callbacks[id] = merged
            if merged.status == .pending { unfile(id); file(id, at: t) }
            emit(t, .callbackRequested(id: id, queue: merged.queue, source: source, merged: true, due: merged.notBefore))
            return .merged(merged)
        }
        let id = CallbackID(nextCallbackID)
        nextCallbackID += 1
        let cb = Callback(id: id, number: number, queue: QueueHandle(q), topic: topic, source: source,
                          requestedAt: t, placeKey: placeKey, placeSeq: placeSeq, notBefore: due)
        callbacks[id] = cb
        openByNumber[number] = id
        openCallbackCount += 1
        file(id, at: t)
        emit(t, .callbackRequested(id: id, queue: QueueHandle(q), source: source, merged: false, due: due))
        return .created(cb)
    }

    private mutating func close(_ cb: inout Callback) {
        cb.status = .closed
        cb.reservedBy = nil
        cb.reservedUntil = nil
        callbacks[cb.id] = retainsClosedCallbacks ? cb : nil
        if openByNumber[cb.number] == cb.id { openByNumber[cb.number] = nil }
        openCallbackCount -= 1
        callbackTrack[cb.id] = nil
    }

    /// Gives agent `a` the ready callback at the head of queue `q`.
    mutating func reserveReadyHead(of q: Int, for a: Int, at t: Double) -> QueueOutput? {
        guard let head = readyHead(q) else { return nil }
        _ = queues[q].ready.popMin()
        queues[q].readyPlaces.remove(ReadyPlace(key: head.placeKey, seq: head.placeSeq))
        queues[q].readyCount -= 1
        readyTotal -= 1
        let id = head.id
        guard var cb = callbacks[id] else { return nil }
        let until = t + queues[q].config.callbackPolicy.reservationTimeout
        cb.status = .reserved
        cb.reservedBy = AgentHandle(a)
        cb.reservedUntil = until
        callbacks[id] = cb
        let version = bumpVersion(id, place: .reserved)
        reservations.insert(TimedCallback(time: until, id: id, version: version))
        callbackTimerDue = min(callbackTimerDue, until)
        agents[a].work = .callback
        agents[a].workCallback = id
        agents[a].workQueue = Int32(q)
        agents[a].workOfferedAt = t
        setState(a, .ringing)
        emit(t, .callbackReserved(id: id, queue: QueueHandle(q), agent: AgentHandle(a)))
        return .callback(CallbackOffer(id: id, queue: QueueHandle(q), agent: AgentHandle(a), reservedUntil: until))
    }

    /// The agent started working the callback: its reservation no longer expires.
    mutating func startCallback(_ id: CallbackID, at t: Double) {
        _ = bumpVersion(id, place: .working)
        callbacks[id]?.reservedUntil = nil
    }

    /// A reservation ends without an outcome: back to the pool, same place.
    mutating func returnReservation(_ id: CallbackID, at t: Double) {
        guard var cb = callbacks[id] else { return }
        cb.status = .pending
        cb.reservedBy = nil
        cb.reservedUntil = nil
        callbacks[id] = cb
        file(id, at: t)
    }
}
