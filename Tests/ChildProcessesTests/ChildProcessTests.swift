import ChildProcesses
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Child processes started with posix_spawn and waited for by their own PID.
@Suite struct ChildProcessTests {
    @Test func statusInputAndBothOutputsOfARun() throws {
        let run = try ChildProcess.run("/bin/sh", ["-c", "read line; echo \"out:$line\"; echo err >&2; exit 3"], input: "hello\n")
        #expect(run.termination == .exited(3))
        #expect(run.stdout == "out:hello\n")
        #expect(run.stderr == "err\n")
    }

    @Test func mergedOutputKeepsItsOrder() throws {
        let run = try ChildProcess.run("/bin/sh", ["-c", "echo a; echo b >&2; echo c"], mergeErrors: true)
        #expect(run.status == 0)
        #expect(run.stdout == "a\nb\nc\n")
        #expect(run.stderr == "")
    }

    @Test func environmentAndWorkingDirectory() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try ChildProcess.run("/bin/sh", ["-c", "echo \"$GREETING\"; pwd -P"], environment: ["GREETING": "hi there"],
                                       directory: folder.path)
        #expect(run.stdout == "hi there\n" + folder.resolvingSymlinksInPath().path + "\n")
    }

    @Test func filesForInputAndOutput() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("in.txt").path, log = folder.appendingPathComponent("log.txt").path
        try "one\ntwo\n".write(toFile: source, atomically: true, encoding: .utf8)
        try "old text, longer than the new\n".write(toFile: log, atomically: true, encoding: .utf8)
        let child = try ChildProcess("/bin/sh", ["-c", "cat; echo oops >&2"], stdin: .file(source), stdout: .file(log), stderr: .sameAsOutput)
        #expect(child.wait(seconds: 30) == .exited(0))
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "one\ntwo\noops\n")
    }

    @Test func stopSendsTermThenKill() throws {
        let polite = try ChildProcess("/bin/sleep", ["30"])
        #expect(polite.isRunning)
        #expect(polite.stop(grace: 10) == .signalled(SIGTERM))
        #expect(!polite.isRunning)

        let stubborn = try ChildProcess("/bin/sh", ["-c", "trap '' TERM; echo ready; while :; do sleep 0.1; done"], stdout: .pipe)
        #expect(stubborn.waitForOutput("ready", seconds: 30))
        #expect(stubborn.stop(grace: 0.3) == .signalled(SIGKILL))
        #expect(stubborn.stop() == .signalled(SIGKILL), "stopping twice only reports the end")
    }

    @Test func aRunPastItsTimeoutIsKilled() throws {
        let run = try ChildProcess.run("/bin/sleep", ["30"], timeout: 0.3)
        #expect(run.termination == .signalled(SIGKILL))
    }

    /// Each wait is for its own PID: a short child ends and is seen at once while a long one runs.
    @Test func oneChildsWaitIsNotHeldUpByAnother() throws {
        let long = try ChildProcess("/bin/sleep", ["30"])
        defer { long.stop(SIGKILL) }
        let short = try ChildProcess("/bin/sh", ["-c", "exit 7"])
        #expect(short.wait(seconds: 20) == .exited(7))
        #expect(long.isRunning)
    }

    /// A descriptor of the test process (here one without close-on-exec) is not inherited, so a
    /// child never holds another child's pipe or socket open.
    @Test func childrenInheritOnlyTheirThreeStreams() throws {
        let descriptor = open("/dev/null", O_RDONLY)
        #expect(descriptor > 2)
        defer { close(descriptor) }
        let check = "if [ -e /proc/$$/fd/\(descriptor) ]; then echo inherited; else echo closed; fi; [ -e /proc/$$/fd/1 ] && echo stdout"
        let run = try ChildProcess.run("/bin/sh", ["-c", check])
        #expect(run.stdout == "closed\nstdout\n")
    }

    @Test func aMissingProgramIsAnError() {
        #expect(throws: SpawnError.self) { try ChildProcess("/nonexistent/program-\(UUID())") }
    }

    /// Writing to a child that closed its standard input fails instead of killing the test process with SIGPIPE.
    @Test func writingToAChildThatStoppedReadingFails() throws {
        let child = try ChildProcess("/bin/sh", ["-c", "exec 0<&-; echo closed; sleep 30"], stdin: .pipe, stdout: .pipe)
        defer { child.stop(SIGKILL) }
        #expect(child.waitForOutput("closed", seconds: 30))
        #expect(!child.write("hello\n"))
    }
}

/// The tests start children only through ChildProcess: Foundation's `Process` waits for every
/// child from one shared watcher thread (see ChildProcess), so one use anywhere in the test
/// process can hold up all the others again.
@Suite struct NoFoundationProcessTests {
    @Test func noTestStartsAFoundationProcess() throws {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        let files = try #require(FileManager.default.enumerator(at: tests, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" && $0.path != #filePath }
        #expect(files.count > 100, "found the test sources in \(tests.path)")
        let foundationProcess = #/\bProcess\b|\bwaitUntilExit\b/#
        for file in files {
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                if line.contains(foundationProcess) {
                    Issue.record("\(file.path):\(index + 1) uses Foundation's Process: start children with ChildProcess")
                }
            }
        }
    }
}
