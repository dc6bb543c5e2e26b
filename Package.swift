// swift-tools-version:6.0
import PackageDescription

/// Switchboard: a phone-support IVR and call-queue simulator. See README.md.
let package = Package(
    name: "Switchboard",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ivr", targets: ["ivr"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // C libraries, reached only from adapter modules.
        .systemLibrary(name: "CALSA", pkgConfig: "alsa", providers: [.apt(["libasound2-dev"])]),
        .systemLibrary(name: "CSndFile", pkgConfig: "sndfile", providers: [.apt(["libsndfile1-dev"])]),
        .systemLibrary(name: "CSampleRate", pkgConfig: "samplerate", providers: [.apt(["libsamplerate0-dev"])]),
        .systemLibrary(name: "CLibre", pkgConfig: "libre", providers: [.apt(["libre-dev"])]),

        // Pure core.
        // DSP runs on audio threads in real time even in a debug build (the real-clock tests, a
        // developer's `ivr serve`): the NLMS echo canceller is 2x real time at -Onone, ~100x at -O.
        .target(name: "Telephony", swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        .target(name: "Hours"),
        .target(name: "PhoneNumbers"),
        .target(name: "CallFlow", dependencies: ["Telephony", "Hours", "PhoneNumbers", "CallQueue", "Yams"]),
        .target(name: "InPlaceTables"),
        .target(name: "CallQueue", dependencies: ["PhoneNumbers", "InPlaceTables", .product(name: "Collections", package: "swift-collections")]),

        // Adapters.
        .target(name: "Storage", dependencies: ["CallQueue", "Hours", .product(name: "GRDB", package: "GRDB.swift"),
                                               .product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "SoundIO", dependencies: ["Telephony", "CALSA", "CSndFile", "CSampleRate", "Yams",
                                                .product(name: "Logging", package: "swift-log")]),
        .target(name: "SIP", dependencies: ["CLibre", "Telephony", "SoundIO", "PhoneNumbers"]),

        // Drivers.
        .target(name: "LiveRuntime", dependencies: ["Telephony", "CallFlow", "CallQueue", "Storage", "SoundIO", "SIP", "Yams",
                                                    .product(name: "Logging", package: "swift-log")]),
        .target(name: "LoadSim", dependencies: ["CallFlow", "CallQueue", "InPlaceTables", "Yams",
                                                .product(name: "Collections", package: "swift-collections")]),

        // The browser desk: HTTP adapter over the store, queue manager and prompt studio.
        .target(name: "Web", dependencies: ["Telephony", "CallQueue", "Storage", "SoundIO", "PhoneNumbers", "LoadSim",
                                            .product(name: "Hummingbird", package: "hummingbird"),
                                            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                                            .product(name: "HTTPTypes", package: "swift-http-types"),
                                            .product(name: "Logging", package: "swift-log")]),

        // The command-line tool: wiring only.
        .executableTarget(name: "ivr", dependencies: [
            "Telephony", "CallFlow", "CallQueue", "Storage", "SoundIO", "SIP", "LiveRuntime", "LoadSim", "Web",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        // Tests mirror sources. ChildProcesses: servers, peers and tools as child processes, each
        // waited for by its own PID (posix_spawn; no Foundation.Process). RealClockHarness: a
        // private PulseAudio for the real-clock tests.
        .target(name: "CChildSpawn", path: "Tests/CChildSpawn"),
        .target(name: "ChildProcesses", dependencies: ["CChildSpawn"], path: "Tests/ChildProcesses"),
        .target(name: "RealClockHarness", dependencies: ["SoundIO", "ChildProcesses"], path: "Tests/RealClockHarness"),
        .testTarget(name: "ChildProcessesTests", dependencies: ["ChildProcesses"]),
        .testTarget(name: "TelephonyTests", dependencies: ["Telephony", "ChildProcesses"]),
        .testTarget(name: "PhoneNumbersTests", dependencies: ["PhoneNumbers"]),
        .testTarget(name: "SoundIOTests", dependencies: ["SoundIO", "Telephony", "ChildProcesses"]),
        .testTarget(name: "SIPTests", dependencies: ["SIP", "SoundIO"]),
        .testTarget(name: "CallFlowTests", dependencies: ["CallFlow", "CallQueue", "Telephony"]),
        .testTarget(name: "InPlaceTablesTests", dependencies: ["InPlaceTables", "CallQueue"]),
        .testTarget(name: "CallQueueTests", dependencies: ["CallQueue"]),
        .testTarget(name: "StorageTests", dependencies: ["Storage", "CallQueue"]),
        .testTarget(name: "LoadSimTests", dependencies: ["LoadSim", "CallFlow", "CallQueue"]),
        .testTarget(name: "LiveRuntimeTests", dependencies: ["LiveRuntime", "SoundIO", "Telephony", "CallFlow", "Storage", "SIP", "LoadSim",
                                                         "RealClockHarness", "ChildProcesses", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "WebTests", dependencies: ["Web", "Storage", "CallQueue", "SoundIO", "Telephony", "ivr", "ChildProcesses"]),
        .testTarget(name: "ivrTests", dependencies: ["ivr", "RealClockHarness", "ChildProcesses"]),
    ],
    swiftLanguageModes: [.v6]
)
