import Testing
@testable import LiveRuntime

/// `ivr agent list` reads what a running server says its agents are doing.
struct ServerAgentStatesTests {
    @Test func readsTheAgentLinesOfAStatusReply() {
        let reply = """
            ok
            line line1 call 3 caller +441632960123 agent alice
            queue general waiting 0
            caller 4 queue general position 1 waited 12 s from withheld
            agent alice on-call call 3
            agent bob available (callbacks only)
            agent carol logged-out
            agent
            """
        let states = ServerAgentStates.parse(statusReply: reply)
        #expect(states == ["alice": "on-call call 3", "bob": "available (callbacks only)", "carol": "logged-out"])
    }

    @Test func noServerMeansNoStates() {
        #expect(ServerAgentStates.query(socketPath: "/nonexistent/control.sock") == nil)
    }
}
