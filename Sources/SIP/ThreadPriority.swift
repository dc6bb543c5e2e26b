import CLibre
import Foundation

/// Scheduling for media threads, as Asterisk's `-p` and FreeSWITCH's `-rp` do: the sender at
/// real-time priority, the call lines at a lower real-time priority (so compilers, batch jobs and
/// test peers on the same cores never delay a call's next packet past its lead), each falling back
/// with a reason when the system refuses (no root, no `CAP_SYS_NICE`, no rtprio limit).
public enum ThreadPriority {
    /// The media sender's `SCHED_FIFO` priority (1-99): above every ordinary thread and the lines.
    static let senderRealTimePriority: Int32 = 10
    /// A call line's `SCHED_RR` priority: above ordinary threads, below the sender. A line thread
    /// sleeps until its next 20 ms tick and works about 40 µs per tick, so hundreds of them leave
    /// the cores to everything else most of the time (and Linux keeps 5 % for ordinary threads).
    static let lineRealTimePriority: Int32 = 2
    /// Where real-time priority is refused, a line thread's nice value: preferred by the scheduler
    /// to ordinary programs (weight 9,548 against 1,024 at nice 0).
    static let lineNice: Int32 = -10

    /// Puts the calling thread on `SCHED_FIFO`; says how it is scheduled.
    static func raiseToRealTime() -> String {
        var parameters = sched_param()
        parameters.sched_priority = senderRealTimePriority
        let err = pthread_setschedparam(pthread_self(), SCHED_FIFO, &parameters)
        if err == 0 { return "real-time priority (SCHED_FIFO \(senderRealTimePriority))" }
        return "normal priority (SCHED_FIFO refused: \(String(cString: strerror(err))); "
            + "give ivr CAP_SYS_NICE or an rtprio limit for punctual packets on a busy machine)"
    }

    /// Gives the SIP thread (signalling and every call's incoming RTP) nice ``lineNice``, so
    /// ordinary programs do not delay the packets the lines read; not real-time, as it parses
    /// whatever the network sends. Best effort: it stays at normal priority where refused.
    static func raiseSIPThread() {
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(sb_thread_id()), lineNice)
    }

    /// Raises the calling call line: `SCHED_RR` ``lineRealTimePriority``, else nice ``lineNice``.
    /// Returns nil on `SCHED_RR`, else how the line runs and why.
    public static func raiseLineThread() -> String? {
        var parameters = sched_param()
        parameters.sched_priority = lineRealTimePriority
        let err = pthread_setschedparam(pthread_self(), SCHED_RR, &parameters)
        if err == 0 { return nil }
        let refusal = String(cString: strerror(err))
        if setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(sb_thread_id()), lineNice) == 0 {
            return "call lines at nice \(lineNice) (SCHED_RR refused: \(refusal))"
        }
        return "call lines at normal priority (SCHED_RR refused: \(refusal); nice \(lineNice) refused: \(String(cString: strerror(errno))))"
    }
}
