/// CallFlow: the flow language, its validator, business hours and the deterministic call interpreter.
///
/// Never reads the wall clock or touches a device: events in, actions out.
public enum CallFlowModule {}
