import Telephony

extension DTMFReceiver: KeypadListener {
    /// Keys whose press was recognised in `samples` (`keyDown` events), with where each tone began.
    public mutating func keyPresses(in samples: [Int16]) -> [(key: Character, startSample: Int)] {
        process(samples).compactMap { event in
            guard case .keyDown(let key, let start) = event else { return nil }
            return (key.character, start)
        }
    }
}
