/// What happens to a callback after an attempt.
public enum CallbackNext: Sendable, Hashable {
    /// Try again: due at this time (retry interval, then opening hours).
    case retry(due: Double)
    /// Closed: reached, wrong number, cancelled, or out of attempts.
    case close
}

/// The callback rules as pure functions, shared by the in-memory manager and
/// the SQLite store so both behave alike.
///
/// **Keep your place.** A queue's live callers and callbacks form one line
/// ordered by `(placeKey, placeSeq)`:
/// - a live caller's key is the time they joined;
/// - a callback made from the queue keeps the caller's join time and
///   sequence number, so it stands behind everyone who joined earlier and
///   ahead of everyone who joined later, exactly where the caller stood;
/// - any other callback (voicemail, after hours, by hand) enters the line
///   when it is requested;
/// - a retry enters the line again when it becomes due.
/// The dispatcher serves the first *eligible* item: a callback is eligible
/// from `notBefore` on while the queue is open. An ineligible callback does
/// not block the line. This is neither a priority boost nor the back of the line.
public enum CallbackRules {
    /// The one order in which an agent is given due callbacks, by the queue manager
    /// (simulated and in memory) and by the store (`ivr callback next`) alike: by place in
    /// line (`placeKey`), then by `seq` (the manager's join sequence; the store's row id,
    /// also in order of filing). The agent's skill level does not reorder callbacks (as
    /// live callers across queues: the oldest eligible item is served first).
    @inline(__always)
    public static func servedBefore(_ a: (placeKey: Double, seq: UInt64), _ b: (placeKey: Double, seq: UInt64)) -> Bool {
        a.placeKey != b.placeKey ? a.placeKey < b.placeKey : a.seq < b.seq
    }

    /// The first time a new request may be tried: `requestedAt + initialDelay`,
    /// moved to the next opening when the queue is closed then; `nil` when
    /// the queue never opens again.
    public static func firstDue(requestedAt t: Double, policy: CallbackPolicy,
                                schedule: any OpeningSchedule) -> Double? {
        schedule.earliestOpen(atOrAfter: t + max(0, policy.initialDelay))
    }

    /// The place key of a new request: the caller's join time for `.queue`
    /// requests (never later than the request; the request time when
    /// `joinedAt` is not known), else the request time.
    public static func placeKey(source: CallbackSource, requestedAt t: Double, joinedAt: Double?) -> Double {
        source == .queue ? min(joinedAt ?? t, t) : t
    }

    /// What follows an outcome, given the attempts made including this one.
    /// Retryable outcomes (`no-answer`, `busy`) retry after `retryInterval`
    /// (then at the next opening) while `attempts < maxAttempts`.
    public static func afterOutcome(_ outcome: CallbackOutcome, attempts: Int, at t: Double,
                                    policy: CallbackPolicy, schedule: any OpeningSchedule) -> CallbackNext {
        guard outcome.isRetryable, attempts < policy.maxAttempts,
              let due = schedule.earliestOpen(atOrAfter: t + max(0, policy.retryInterval)) else { return .close }
        return .retry(due: due)
    }

    /// Merges a second request for the same number into an open callback:
    /// the earlier place and the earlier due time win (a retry waiting for its
    /// interval becomes due at once if the customer asks again), attempts are
    /// kept, `requests` counts up. A reserved callback keeps its reservation.
    public static func merge(_ existing: Callback, placeKey: Double, placeSeq: UInt64,
                             notBefore: Double) -> Callback {
        var merged = existing
        if (placeKey, placeSeq) < (existing.placeKey, existing.placeSeq) {
            merged.placeKey = placeKey
            merged.placeSeq = placeSeq
        }
        merged.notBefore = min(existing.notBefore, notBefore)
        merged.requests += 1
        return merged
    }
}
