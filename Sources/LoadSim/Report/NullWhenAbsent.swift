/// A report figure that is `null` in JSON when there is nothing to measure (e.g. a service level
/// with no call offered), where a plain optional would drop the key.
@propertyWrapper
public struct NullWhenAbsent: Sendable, Codable, Equatable {
    /// The figure, or nil when undefined.
    public var wrappedValue: Double?

    /// Wraps `wrappedValue`.
    public init(wrappedValue: Double?) { self.wrappedValue = wrappedValue }

    /// Reads a number or `null`.
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        wrappedValue = c.decodeNil() ? nil : try c.decode(Double.self)
    }

    /// Writes the number, or `null`.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        if let wrappedValue { try c.encode(wrappedValue) } else { try c.encodeNil() }
    }
}
