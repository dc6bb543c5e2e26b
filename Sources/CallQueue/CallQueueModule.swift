/// CallQueue: queues, agents, routing strategies and callbacks that keep the caller's place.
///
/// A deterministic state machine; time is passed in by the driver.
public enum CallQueueModule {}
