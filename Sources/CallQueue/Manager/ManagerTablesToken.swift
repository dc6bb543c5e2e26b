/// Counts the managers sharing one set of tables: a manager whose token is not uniquely
/// referenced has been copied and must copy its tables before it writes.
final class ManagerTablesToken: Sendable {}
