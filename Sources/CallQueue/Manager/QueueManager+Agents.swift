/// Agent inputs: login, logout, break, ready, answer, miss, complete, wrap-up.
extension QueueManager {
    /// Logs a logged-out agent in: available at once.
    public mutating func login(_ agent: AgentHandle, at t: Double) throws(QueueError) {
        makeTablesUnique()
        let a = try checkAgent(agent)
        guard agents[a].state == .loggedOut else { throw wrongState(a, "log in") }
        agents[a].loggedInAt = t
        agents[a].missedOffers = 0
        emit(t, .agentLogin(agent: agent))
        makeAvailable(a, at: t)
    }

    /// Logs an agent out: at once when available or on break, else after the
    /// current call's wrap-up (the agent gets no new work meanwhile).
    public mutating func logout(_ agent: AgentHandle, at t: Double) throws(QueueError) {
        makeTablesUnique()
        let a = try checkAgent(agent)
        switch agents[a].state {
        case .loggedOut: throw wrongState(a, "log out")
        case .available, .onBreak: goLoggedOut(a, at: t)
        case .ringing, .onCall, .wrapUp: agents[a].pendingLogout = true
        }
    }

    /// Puts an agent on break (Asterisk PAUSE): at once when available, else
    /// after the current call's wrap-up. On break already: nothing changes.
    public mutating func pause(_ agent: AgentHandle, reason: String = "", at t: Double) throws(QueueError) {
        makeTablesUnique()
        let a = try checkAgent(agent)
        switch agents[a].state {
        case .loggedOut: throw wrongState(a, "take a break")
        case .onBreak: return
        case .available: goOnBreak(a, reason: reason, at: t)
        case .ringing, .onCall, .wrapUp: agents[a].pendingBreak = internBreakReason(reason)
        }
    }

    /// Makes an agent on break available (Asterisk UNPAUSE); cancels a pending
    /// break. Available already: nothing changes.
    public mutating func ready(_ agent: AgentHandle, at t: Double) throws(QueueError) {
        makeTablesUnique()
        let a = try checkAgent(agent)
        switch agents[a].state {
        case .loggedOut: throw wrongState(a, "become ready (log in first)")
        case .available: return
        case .onBreak:
            agents[a].missedOffers = 0
            emit(t, .unpause(agent: agent))
            makeAvailable(a, at: t)
        case .ringing, .onCall, .wrapUp: agents[a].pendingBreak = -1
        }
    }

    /// The ringing agent answered the offered caller (or started working the
    /// reserved callback, which stops its reservation timer).
    public mutating func answer(_ agent: AgentHandle, at t: Double) throws(QueueError) {
        makeTablesUnique()
        let a = try checkAgent(agent)
        guard agents[a].state == .ringing else { throw wrongState(a, "answer") }
        setState(a, .onCall)
        agents[a].missedOffers = 0
        agents[a].workAnsweredAt = t
        if agents[a].work == .callback {
            startCallback(agents[a].workCallback, at: t)
            return
        }
        let q = Int(agents[a].workQueue)
        let hold = t - agents[a].workJoinedAt
        queues[q].estimator.recordHold(hold)
        credit(a, queue: q, calls: 1)
        if !ringGroups.isEmpty { stopOtherRinging(slot: agents[a].workTicket.slot, answeredBy: a, at: t) }
        emit(t, .connect(call: agents[a].workCall, queue: QueueHandle(q), agent: agent,
                         holdTime: hold, ringTime: t - agents[a].workOfferedAt))
        freeSlot(Int(agents[a].workTicket.slot))
    }

    /// The ringing agent did not take the offer (`RINGNOANSWER`): the caller
    /// goes back to their place in line (a reserved callback back to the
    /// pool); the agent is available again, or on break after `maxNoAnswer`
    /// offers in a row not taken (FreeSWITCH `max-no-answer`).
    ///
    /// With `retryAfter` > 0 (Asterisk queues.conf `retry`, FreeSWITCH
    /// `no-answer-delay-time` / `busy-delay-time`) an agent who stays on duty
    /// is not offered anything for that long: they rest in wrap-up until the
    /// driver calls ``endWrapUp(_:at:)`` at the returned time (a phone that
    /// answers busy at once is not rung again and again). Returns `t` when the
    /// agent is available at once (or went on break or logged out).
    @discardableResult
    public mutating func notAnswered(_ agent: AgentHandle, at t: Double, retryAfter: Double = 0) throws(QueueError) -> Double {
        makeTablesUnique()
        let a = try checkAgent(agent)
        guard agents[a].state == .ringing else { throw wrongState(a, "miss an offer") }
        if agents[a].work == .callback {
            returnReservation(agents[a].workCallback, at: t)
        } else {
            let q = Int(agents[a].workQueue)
            emit(t, .ringNoAnswer(call: agents[a].workCall, queue: QueueHandle(q), agent: agent,
                                  ringTime: t - agents[a].workOfferedAt))
            let slot = agents[a].workTicket.slot
            if ringGroups.isEmpty || !leaveRingGroup(slot: slot, agent: a) { requeue(slot: Int(slot), queue: q) }
        }
        agents[a].work = .none
        let breaksNow = agents[a].maxNoAnswer > 0 && agents[a].missedOffers + 1 >= agents[a].maxNoAnswer
        if retryAfter > 0, !breaksNow, !agents[a].pendingLogout, agents[a].pendingBreak < 0 {
            agents[a].missedOffers += 1
            setState(a, .wrapUp)
            return t + retryAfter
        }
        finishWork(a, at: t, missed: true)
        return t
    }

    /// A connected call ended. The agent goes into wrap-up (the agent's own
    /// wrap-up time, else the queue's) and the end time is returned; with no
    /// wrap-up time the agent is done at once (and `t` is returned).
    @discardableResult
    public mutating func complete(_ agent: AgentHandle, by: CompletedBy, at t: Double) throws(QueueError) -> Double {
        makeTablesUnique()
        let a = try checkAgent(agent)
        guard agents[a].state == .onCall, agents[a].work == .caller else {
            throw wrongState(a, "complete a call" + (agents[a].work == .callback ? " (report the callback's outcome)" : ""))
        }
        let q = Int(agents[a].workQueue)
        let talk = t - agents[a].workAnsweredAt
        credit(a, queue: q, talk: talk)
        let wrap = agents[a].wrapUp(queueWrapUp: queues[q].wrapUp)
        queues[q].estimator.recordHandle(talk + wrap)
        emit(t, .complete(call: agents[a].workCall, queue: QueueHandle(q), agent: agent, by: by,
                          holdTime: agents[a].workAnsweredAt - agents[a].workJoinedAt, callTime: talk,
                          originalPosition: Int(agents[a].workOriginalPosition)))
        return startWrapUp(a, queue: q, at: t)
    }

    /// Wrap-up time is over: the agent is available (or goes on a pending break
    /// or logs out). Ignored unless the agent is in wrap-up.
    public mutating func endWrapUp(_ agent: AgentHandle, at t: Double) throws(QueueError) {
        makeTablesUnique()
        let a = try checkAgent(agent)
        guard agents[a].state == .wrapUp else { return }
        finishWork(a, at: t, missed: false)
    }

    /// An agent's state.
    public func state(of agent: AgentHandle) throws(QueueError) -> AgentState {
        agents[try checkAgent(agent)].state
    }

    // MARK: Internals

    func wrongState(_ a: Int, _ input: String) -> QueueError {
        .wrongAgentState(agent: agentIDs[a], state: agents[a].state, input: input)
    }

    @inline(__always)
    mutating func startWrapUp(_ a: Int, queue q: Int, at t: Double) -> Double {
        agents[a].work = .none
        let wrap = agents[a].wrapUp(queueWrapUp: queues[q].wrapUp)
        if wrap > 0 {
            setState(a, .wrapUp)
            return t + wrap
        }
        finishWork(a, at: t, missed: false)
        return t
    }

    /// After work (or a missed offer): pending logout, pending break,
    /// max-no-answer break, or available.
    mutating func finishWork(_ a: Int, at t: Double, missed: Bool) {
        if agents[a].pendingLogout {
            goLoggedOut(a, at: t)
            return
        }
        if missed {
            agents[a].missedOffers += 1
            if agents[a].maxNoAnswer > 0, agents[a].missedOffers >= agents[a].maxNoAnswer {
                goOnBreak(a, reason: "max-no-answer", at: t)
                return
            }
        }
        if agents[a].pendingBreak >= 0 {
            goOnBreak(a, reason: breakReasons[Int(agents[a].pendingBreak)], at: t)
            return
        }
        makeAvailable(a, at: t)
    }

    mutating func internBreakReason(_ reason: String) -> Int32 {
        if let i = breakReasons.firstIndex(of: reason) { return Int32(i) }
        breakReasons.append(reason)
        return Int32(breakReasons.count - 1)
    }

    mutating func goOnBreak(_ a: Int, reason: String, at t: Double) {
        agents[a].pendingBreak = -1
        setState(a, .onBreak)
        emit(t, .pause(agent: AgentHandle(a), reason: reason))
    }

    mutating func goLoggedOut(_ a: Int, at t: Double) {
        agents[a].pendingLogout = false
        agents[a].pendingBreak = -1
        setState(a, .loggedOut)
        emit(t, .agentLogoff(agent: AgentHandle(a), loggedInFor: t - agents[a].loggedInAt))
    }

    /// Makes an agent available and files them with every queue they serve.
    @inline(__always)
    mutating func makeAvailable(_ a: Int, at t: Double) {
        setState(a, .available)
        epochCounter &+= 1
        if epochCounter == 0 { epochCounter = 1 }
        idleEpoch[a] = epochCounter
        agents[a].idleSince = t
        for i in membershipRange(a) {
            let m = memberships[i]
            let q = Int(m.queue)
            let c = IdleCandidate(agent: AgentHandle(a), member: m.member, level: m.level, epoch: epochCounter,
                                  idleSince: t, callsTaken: m.callsTaken, talkTime: m.talkTime)
            if agents[a].hasStation {
                queues[q].pickers.becameIdle(c, idleEpoch)
            } else {
                queues[q].callbackOnly.becameIdle(c, epochs: idleEpoch)
            }
        }
    }

    /// Moves an agent to `state`, keeping idle bookkeeping and member counts.
    @inline(__always)
    mutating func setState(_ a: Int, _ state: AgentState) {
        let old = agents[a].state
        guard old != state else { return }
        if old == .available {
            idleEpoch[a] = 0
            idleCount -= 1
        } else if state == .available {
            idleCount += 1
        }
        agents[a].state = state
        let station = agents[a].hasStation
        for i in membershipRange(a) {
            let m = memberships[i]
            let q = Int(m.queue)
            if old == .available, station {
                queues[q].pickers.leftIdle(member: m.member)
            }
            guard station else { continue }
            queues[q].counts[old] -= 1
            queues[q].counts[state] += 1
            if !queues[q].leaveWhenEmpty.isEmpty, !queues[q].emptyCheckPending {
                queues[q].emptyCheckPending = true
                pendingEmptyChecks += 1
            }
        }
    }
}
