import Testing
@testable import LoadSim

struct DurationTextTests {
    @Test(arguments: [("20s", 20.0), ("5m", 300), ("1.5h", 5400), ("14d", 1_209_600), ("1h30m", 5400),
                      ("250ms", 0.25), ("0", 0), (" 2m ", 120)])
    func reads(_ text: String, _ seconds: Double) {
        #expect(DurationText.seconds(text) == seconds)
    }

    @Test(arguments: ["14", "", "5x", "m", "1h30", "-5s", "1..5s"])
    func refuses(_ text: String) {
        #expect(DurationText.seconds(text) == nil)
    }

    @Test func formats() {
        #expect(DurationText.format(20) == "20s")
        #expect(DurationText.format(5400) == "1h30m")
        #expect(DurationText.format(604_800) == "7d")
    }
}
