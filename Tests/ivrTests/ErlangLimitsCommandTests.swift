import Foundation
import Testing

/// `ivr erlang` refuses inputs that used to crash or run for minutes, naming the option.
@Suite struct ErlangLimitsCommandTests {
    @Test func hugeTargetIsRefusedNotACrash() throws {
        let r = try IvrBinary.run(["erlang", "--rate-per-hour", "1", "--aht", "1e-20", "--agents", "1",
                                   "--target", "99999999999999999999d"])
        #expect(r.status == 64, "\(r.stderr)")
        #expect(r.stderr.contains("--aht must be from 1s to 1d"), "\(r.stderr)")
        let t = try IvrBinary.run(["erlang", "--rate-per-hour", "1", "--aht", "10", "--agents", "1", "--target", "99999999999999999999d"])
        #expect(t.status == 64)
        #expect(t.stderr.contains("--target must be from 0 to 1d"), "\(t.stderr)")
    }

    @Test func hugePatienceIsRefusedNotACrash() throws {
        let r = try IvrBinary.run(["erlang", "staff", "--rate-per-hour", "1", "--aht", "10", "--target", "20", "--patience", "1e300"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("--patience must be from 0 to 1d"), "\(r.stderr)")
    }

    @Test func erlangALoadIsBounded() throws {
        let r = try IvrBinary.run(["erlang", "staff", "--rate-per-hour", "30000", "--aht", "3600", "--target", "20", "--patience", "60"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("with --patience (Erlang A) the offered load may be at most 2000"), "\(r.stderr)")
        let t = try IvrBinary.run(["erlang", "staff", "--rate-per-hour", "100000", "--aht", "60", "--target", "1h", "--patience", "60"])
        #expect(t.status == 64)
        #expect(t.stderr.contains("calls arriving within the target) may be at most 5000"), "\(t.stderr)")
    }

    @Test func aLongTargetWithPatienceAnswers() throws {
        let r = try IvrBinary.run(["erlang", "--rate-per-hour", "1000", "--aht", "120", "--agents", "40", "--target", "1h",
                                   "--patience", "60"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Erlang A (patience 60s)"))
    }
}
