import Testing
@testable import SIP

@Suite struct TelephoneEventsTests {
    private func packet(_ event: UInt8, end: Bool) -> [UInt8] { [event, end ? 0x8A : 0x0A, 0x03, 0x20] }

    @Test func onePressIsOneKeyWhateverTheRepeats() {
        var events = TelephoneEvents()
        var keys: [Character] = []
        // Start, two updates, three end packets: all with the press's timestamp.
        for (index, end) in [false, false, false, true, true, true].enumerated() {
            _ = index
            let bytes = packet(1, end: end)
            if let key = bytes.withUnsafeBytes({ events.key(payload: $0, timestamp: 1000) }) { keys.append(key) }
        }
        // The same digit again is a new press (new timestamp); an end-only press still counts.
        for end in [true, true] {
            let bytes = packet(1, end: end)
            if let key = bytes.withUnsafeBytes({ events.key(payload: $0, timestamp: 2600) }) { keys.append(key) }
        }
        let pound = packet(11, end: false)
        if let key = pound.withUnsafeBytes({ events.key(payload: $0, timestamp: 4000) }) { keys.append(key) }
        #expect(keys == ["1", "1", "#"])
    }

    @Test func shortPayloadsAndUnknownEventsAreIgnored() {
        var events = TelephoneEvents()
        let short: [UInt8] = [5, 0]
        #expect(short.withUnsafeBytes { events.key(payload: $0, timestamp: 1) } == nil)
        let flash: [UInt8] = [16, 0, 0, 0]
        #expect(flash.withUnsafeBytes { events.key(payload: $0, timestamp: 2) } == nil)
        #expect(TelephoneEvents.key(forEvent: 10) == "*")
        #expect(TelephoneEvents.key(forEvent: 15) == "D")
    }
}
