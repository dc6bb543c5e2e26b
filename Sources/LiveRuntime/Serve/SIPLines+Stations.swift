import Foundation
import SIP

extension SIPLeg: StationCall {}

/// Agents on SIP phones: the SIP side rings the agent's phone for an offer (an INVITE from
/// Switchboard showing the caller's number) and hands its RTP stream to the shared queue, which
/// bridges it with the caller's line.
extension SIPLines: StationDialer {
    /// Rings `address` (`sip:alice@192.0.2.10:5062`); `onAnswer` gets the phone's media or why not.
    public func ringStation(_ address: String, agentID: String, caller: String?,
                            onAnswer: @escaping @Sendable (StationAnswer) -> Void) -> any StationCall {
        server.dial(address, label: "agent \(agentID)", fromUser: caller ?? "switchboard", displayName: caller.map { "Switchboard \($0)" } ?? "Switchboard") { leg, outcome in
            switch outcome {
            case .answered:
                onAnswer(.answered(source: leg.source, sink: leg.sink, hungUp: { leg.hasEnded }))
            case .failed(_, let reason):
                onAnswer(.notAnswered(reason))
            }
        }
    }
}
