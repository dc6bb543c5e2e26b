import CLibre
import Foundation

/// Room for every call's sockets: each SIP call holds an RTP and an RTCP socket, an agent's
/// phone two more, and libre's loop only watches descriptors below its table size (1,024 unless
/// told otherwise: call 500 of a busy server would get `fd_listen: Max 1024 fds` and fail).
enum DescriptorLimit {
    /// Descriptors wanted for `maxCalls` calls: four per call and 1,024 for the rest of the server.
    static func wanted(maxCalls: Int) -> Int { 4 * max(0, maxCalls) + 1024 }

    /// Raises the process's soft open-files limit toward `wanted(maxCalls:)` (up to the hard
    /// limit) and sizes libre's descriptor table to match (SIP thread, after `libre_init`, before
    /// any socket). Returns the table size.
    @discardableResult
    static func prepare(maxCalls: Int) -> Int {
        let wanted = wanted(maxCalls: maxCalls)
        var limit = rlimit()
        if getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < rlim_t(wanted) {
            limit.rlim_cur = min(limit.rlim_max, rlim_t(wanted))
            _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }
        let size = max(1024, wanted)
        _ = fd_setsize(Int32(size))
        return size
    }
}
