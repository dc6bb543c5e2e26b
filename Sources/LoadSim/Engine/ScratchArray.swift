extension Array {
    /// Empties a scratch buffer that is refilled on every event, keeping its storage.
    ///
    /// Same effect as `removeAll(keepingCapacity: true)`, which goes through the general
    /// `replaceSubrange` path; for the few plain values these buffers hold, popping them one by
    /// one is several times cheaper on the simulator's hot path.
    @inline(__always)
    mutating func clearKeepingCapacity() {
        while !isEmpty { removeLast() }
    }
}
