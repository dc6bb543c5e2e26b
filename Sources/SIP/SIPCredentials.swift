extension SIPSettings {
    /// A digest user name and password (RFC 2617) for calls Switchboard places. The password is
    /// never part of any description, debug output or reflection.
    public struct Credentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
        /// The digest user name.
        public var user: String
        /// The digest password, read from a file or the environment.
        public var password: String

        /// Credentials of `user` with `password`.
        public init(user: String, password: String) {
            self.user = user
            self.password = password
        }

        /// `user NAME`; never the password.
        public var description: String { "user \(user)" }
        /// As `description`.
        public var debugDescription: String { description }
        /// Reflection (dump, print of containers) shows no password either.
        public var customMirror: Mirror { Mirror(self, children: ["user": user]) }
    }
}
