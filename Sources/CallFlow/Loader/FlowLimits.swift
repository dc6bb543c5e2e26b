/// How big a flow may be (docs/FLOWS.md, "Limits"). Past these `ivr flow check` refuses the
/// flow with a located error instead of running out of stack or memory.
public enum FlowLimits {
    /// The most steps a flow may have.
    public static let maxSteps = 10_000
}
