/// Why a browser-desk user operation was refused; nothing changed.
public enum WebUserError: Error, Equatable, CustomStringConvertible {
    /// No user with this name.
    case unknownUser(String)
    /// A user with this name exists already.
    case duplicateUser(String)
    /// A name that is not 1-32 letters, digits, `.`, `_`, `-` starting with a letter or digit.
    case invalidName(String)
    /// A role that is not agent, supervisor or staff.
    case invalidRole(String)
    /// Role `agent` without `--agent ID`, or `--agent` with another role.
    case agentLink(String)

    /// A message a user can act on.
    public var description: String {
        switch self {
        case .unknownUser(let name):
            "no user '\(name)'; see 'ivr user list', or add one with 'ivr user add \(name) --role ROLE --password-stdin'"
        case .duplicateUser(let name):
            "user '\(name)' exists already; change the password with 'ivr user passwd \(name) --password-stdin'"
        case .invalidName(let name):
            "'\(name)' is not a valid user name: use 1 to 32 letters, digits, '.', '_' or '-', starting with a letter or digit"
        case .invalidRole(let role):
            "'\(role)' is not a role; use agent, supervisor or staff"
        case .agentLink(let why):
            why
        }
    }
}
