import Testing
@testable import LoadSim

/// A long target in Erlang A ends as soon as every waiting caller has been answered or left.
struct ErlangATargetTests {
    @Test func aDayLongTargetEqualsTheServedShare() throws {
        let model = QueueModel(arrivalRate: 1000.0 / 3600, meanHandling: 120, agents: 40, target: 86_400, meanPatience: 60)
        let f = try #require(model.figures())
        // Within a day everyone who will be answered has been: service level = 1 − abandoned.
        #expect(abs(f.serviceLevel - (1 - f.abandonRate)) < 1e-9, "\(f.serviceLevel) vs \(1 - f.abandonRate)")
        var short = model; short.target = 20
        let g = try #require(short.figures())
        #expect(g.serviceLevel < f.serviceLevel)
    }
}
