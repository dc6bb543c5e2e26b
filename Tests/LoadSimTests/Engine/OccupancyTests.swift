import Testing
@testable import LoadSim

/// Occupancy is busy / staffed time, where agents finishing a call after their shift count as staffed.
struct OccupancyTests {
    @Test func agentsWorkingPastTheirShiftKeepOccupancyAtMostOne() throws {
        let r = try SimTest.run("""
        duration: 1d
        arrivals: {per_hour: 100}
        handling: {dist: fixed, value: 1h}
        agents: {schedule: [[0, 0], [9, 5], [9.1, 0]]}
        """)
        #expect(r.occupancy <= 1 + 1e-12, "occupancy \(r.occupancy)")
        #expect(r.occupancy > 0.99, "occupancy \(r.occupancy)")        // all five talk the whole hour they stay
        for row in r.intervals {
            if let o = row.occupancy { #expect(o <= 1 + 1e-12, "\(row.label): \(o)") }
        }
        let after = r.intervals.first { $0.label.hasSuffix("09:30") }
        #expect(after?.occupancy.map { $0 > 0.99 } == true, "agents still on calls at 09:30 are staffed and busy")
    }
}
