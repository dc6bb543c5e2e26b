import ArgumentParser
import Foundation
import Storage
import Web

/// `ivr user add|list|passwd|role|remove`: who may sign in to the browser desk.
struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage browser-desk users: agents, supervisors and staff (see docs/WEB.md).",
        subcommands: [Add.self, List.self, Passwd.self, Role.self, Remove.self])

    /// `ivr user add NAME --role agent|supervisor|staff [--agent ID] --password-stdin`.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user; the password is read as one line from standard input.",
            discussion: "echo 'correct horse battery' | ivr user add alice --role agent --agent alice --password-stdin")
        @Argument(help: "User name (letters, digits, '.', '_', '-').") var name: String
        @Option(help: "agent, supervisor or staff.") var role: String
        @Option(help: "The agent id an agent user works as (see 'ivr agent list').") var agent: String?
        @Flag(help: "Read the password from standard input (required: passwords never go on the command line).")
        var passwordStdin = false
        @OptionGroup var store: StoreLocationOptions

        func run() throws {
            let role = try UserText.role(self.role)
            let hash = try UserText.readPasswordHash(passwordStdin)
            let user = try UserText.refusing { try store.openStore().addWebUser(name: name, role: role, agentID: agent,
                                                                                passwordHash: hash, now: store.now) }
            print("user \(user.name) added: \(user.role.rawValue)" + (user.agentID.map { " (agent \($0))" } ?? ""))
        }
    }

    /// `ivr user list [--json]`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users with their roles and agents.")
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var store: StoreLocationOptions

        struct Row: Encodable { let name: String; let role: String; let agent: String?; let created_at: Date }

        func run() throws {
            let users = try UserText.refusing { try store.openStore().webUsers() }
            if json { return try StoreText.printJSON(users.map { Row(name: $0.name, role: $0.role.rawValue, agent: $0.agentID,
                                                                      created_at: $0.createdAt) }) }
            if users.isEmpty { return print("no users; add one with 'ivr user add NAME --role supervisor --password-stdin'") }
            StoreText.printTable(["user", "role", "agent", "added"],
                                 users.map { [$0.name, $0.role.rawValue, $0.agentID ?? "-", StoreText.date($0.createdAt)] })
        }
    }

    /// `ivr user passwd NAME --password-stdin`.
    struct Passwd: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a user's password (one line from standard input); signs them out.")
        @Argument(help: "User name.") var name: String
        @Flag(help: "Read the password from standard input.") var passwordStdin = false
        @OptionGroup var store: StoreLocationOptions

        func run() throws {
            let opened = try UserText.refusing { try store.openStore() }
            _ = try UserText.refusing { try opened.webUser(name) }
            let hash = try UserText.readPasswordHash(passwordStdin)
            try UserText.refusing { try opened.setWebUserPassword(name, passwordHash: hash) }
            print("user \(name): password changed; their sessions are signed out")
        }
    }

    /// `ivr user role NAME ROLE [--agent ID]`.
    struct Role: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a user's role; signs them out.")
        @Argument(help: "User name.") var name: String
        @Argument(help: "agent, supervisor or staff.") var role: String
        @Option(help: "The agent id (role agent).") var agent: String?
        @OptionGroup var store: StoreLocationOptions

        func run() throws {
            let role = try UserText.role(self.role)
            let user = try UserText.refusing { try store.openStore().setWebUserRole(name, role: role, agentID: agent) }
            print("user \(user.name): \(user.role.rawValue)" + (user.agentID.map { " (agent \($0))" } ?? ""))
        }
    }

    /// `ivr user remove NAME`.
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a user and end their sessions.")
        @Argument(help: "User name.") var name: String
        @OptionGroup var store: StoreLocationOptions

        func run() throws {
            try UserText.refusing { try store.openStore().removeWebUser(name) }
            print("user \(name) removed")
        }
    }
}

/// Shared pieces of the user commands.
enum UserText {
    static func role(_ text: String) throws -> WebRole {
        guard let role = WebRole(rawValue: text) else { return try refuse(WebUserError.invalidRole(text).description) }
        return role
    }

    /// Prints `error: message` and exits with the store commands' refusal code (2).
    static func refuse<T>(_ message: String) throws -> T {
        StoreText.printError(message)
        throw ExitCode(StoreExitCode.refused)
    }

    /// Reads one line from standard input and hashes it with bcrypt.
    static func readPasswordHash(_ fromStdin: Bool) throws -> String {
        guard fromStdin else {
            return try refuse("give the password on standard input with --password-stdin, e.g. `ivr user add NAME --role agent "
                              + "--agent ID --password-stdin < file` (never on the command line)")
        }
        guard var line = readLine(strippingNewline: true) else {
            return try refuse("--password-stdin: standard input is empty; send the password as one line")
        }
        if line.hasSuffix("\r") { line.removeLast() }
        if let problem = Passwords.problem(with: line) { return try refuse("--password-stdin: " + problem) }
        return Passwords.hash(line)
    }

    /// Runs `body`, printing a store refusal as `error: …` with exit code 2.
    @discardableResult
    static func refusing<T>(_ body: () throws -> T) throws -> T {
        do {
            return try reportingRefusals(body)
        } catch let error as WebUserError {
            StoreText.printError(error.description)
            throw ExitCode(StoreExitCode.refused)
        }
    }
}
