// swift-tools-version: 6.2
import PackageDescription

// Dependencies point one way:
//   shop -> ShopApp -> {ShopFlows -> ShopKit, TerminalUI, SearchRules};  TerminalCurses -> {TerminalUI, CNcurses}
//   shop-mock-server -> ShopMockServer -> SearchRules
// The wire layers of ShopKit and ShopMockServer are both generated from docs/openapi.yaml and
// committed (scripts/generate-openapi.sh regenerates them; a test fails when they are stale).
// So are the themes and the seed catalog compiled into the binaries (scripts/embed-files.sh):
// the package has no build tool plugin, because SwiftPM builds the plugins of every target of
// every package in the graph, and a consumer of ShopKit would build them too.
//
// ShopKit's consumers resolve and build only ShopKit's runtime dependencies: every other
// package is used under the `App` trait (on by default, so `swift run shop` and `swift test`
// see everything), and a package that depends on ShopKit with `traits: []` never clones
// Hummingbird, GRDB, Yams, ArgumentParser or the snapshot and crypto test libraries.
let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

/// A dependency on a product only the app, the mock gateway, their tools and tests use.
func app(_ product: String, _ package: String) -> Target.Dependency {
    .product(name: product, package: package, condition: .when(traits: ["App"]))
}

let package = Package(
    name: "shop",
    // Swift 6.2 and these platforms are what ShopKit's consumers need too: the package's
    // dependencies (swift-log 1.16, swift-metrics, Hummingbird) need tools 6.2, and ShopKit uses
    // `Synchronization.Mutex` and typed-throws async sequences (macOS 15 / iOS 18 and later).
    platforms: [.macOS(.v15), .iOS(.v18), .tvOS(.v18), .watchOS(.v11), .visionOS(.v2)],
    products: [
        .library(name: "ShopKit", targets: ["ShopKit"]),
        .library(name: "ShopKitTesting", targets: ["ShopKitTesting"]),
        .library(name: "ShopMockServer", targets: ["ShopMockServer"]),
        .library(name: "TerminalUI", targets: ["TerminalUI"]),
        .library(name: "TerminalCurses", targets: ["TerminalCurses"]),
        .library(name: "ShopApp", targets: ["ShopApp"]),
        .library(name: "ShopFlows", targets: ["ShopFlows"]),
        .executable(name: "shop-mock-server", targets: ["shop-mock-server"]),
        .executable(name: "shop", targets: ["shop"]),
        .executable(name: "shop-bench", targets: ["shop-bench"]),
    ],
    traits: [
        .trait(name: "App", description: "The terminal app, the mock gateway, their tools and tests (all but ShopKit)."),
        .default(enabledTraits: ["App"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-openapi-async-http-client", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird", from: "2.1.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
        // Only for ReliabilityTests' fault-injecting proxy (already in the graph through Hummingbird).
        .package(url: "https://github.com/apple/swift-nio", from: "2.81.0"),
        // The gateway's catalog read cache is a NIO channel handler (already in the graph through Hummingbird).
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        // `shop serve`: the shop over SSH, many sessions in one process.
        .package(url: "https://github.com/apple/swift-nio-ssh", from: "0.15.1"),
        // Ed25519 host keys and key fingerprints (already in the graph through swift-nio-ssh), and
        // ShopKitTests' check that the committed generated code matches the contract's SHA-256.
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        // MARK: Gateway contract, SDK and mock gateway
        .target(
            name: "ShopKit",
            dependencies: [
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIAsyncHTTPClient", package: "swift-openapi-async-http-client"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // Generated/ is committed (scripts/generate-openapi.sh): a package that depends on
            // ShopKit builds no code generator. The configuration stays beside the code it made.
            exclude: ["Generated/openapi-generator-config.yaml"],
            swiftSettings: strict
        ),
        // A stub transport with canned answers: a consumer tests its tool without a gateway.
        .target(name: "ShopKitTesting", dependencies: ["ShopKit"], swiftSettings: strict),
        // The contract's search rules (folding, words, typos), shared by the gateway's search
        // and the client's highlight of what matched.
        .target(name: "SearchRules", swiftSettings: strict),
        .target(
            name: "ShopMockServer",
            dependencies: [
                "SearchRules",
                app("Hummingbird", "hummingbird"),
                // The HTTP/1.1 channel the connection guards wrap.
                app("HummingbirdCore", "hummingbird"),
                app("HummingbirdBcrypt", "hummingbird-auth"),
                app("OpenAPIHummingbird", "swift-openapi-hummingbird"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                // Parser errors (431 for oversized headers) and the password hashing thread pool.
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                app("NIOHTTPTypes", "swift-nio-extras"),
                app("GRDB", "GRDB.swift"),
                app("ServiceLifecycle", "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // Generated/ is committed like ShopKit's. Embedded/catalog.json, the seed catalog, is
            // compiled in as Embedded/EmbeddedFiles.swift (scripts/embed-files.sh).
            exclude: ["Generated/openapi-generator-config.yaml", "Embedded/catalog.json"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "shop-mock-server",
            dependencies: [
                "ShopMockServer",
                app("ArgumentParser", "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),

        // MARK: Terminal toolkit
        .systemLibrary(name: "CNcurses", providers: [.apt(["libncurses-dev"])]),
        .target(
            name: "TerminalUI",
            dependencies: [app("Yams", "Yams")],
            // The top-level `themes/` are compiled in as Embedded/EmbeddedFiles.swift
            // (scripts/embed-files.sh), so a copied binary still has its themes.
            swiftSettings: strict
        ),
        // Test support: the screen snapshot strategy both UI test targets use.
        .target(
            name: "TerminalUITesting",
            dependencies: [
                "TerminalUI",
                app("SnapshotTesting", "swift-snapshot-testing"),
            ],
            swiftSettings: strict
        ),
        // Test support: runs what blocks a thread (child processes, polls, long synchronous work)
        // off Swift's cooperative pool, which the whole parallel suite shares; the one tmux pane
        // helper, built-product lookup and seeded generator every test target uses.
        .target(name: "ShopTestSupport", swiftSettings: strict),
        .target(
            name: "TerminalCurses",
            dependencies: ["TerminalUI", "CNcurses"],
            swiftSettings: strict
        ),
        // Widgets on one screen through ncurses: the tmux tests drive it, `--bench` measures it.
        .executableTarget(
            name: "terminal-demo",
            dependencies: ["TerminalUI", "TerminalCurses"],
            swiftSettings: strict
        ),

        // MARK: The client
        // The flows both front ends need (checkout attempts, paging to the end, sign-in with the
        // guest's cart, what a failure means), UI-free, so the TUI and the CLI share one set of rules.
        .target(name: "ShopFlows", dependencies: ["ShopKit"], swiftSettings: strict),
        .target(
            name: "ShopApp",
            dependencies: [
                "ShopKit", "ShopFlows", "TerminalUI", "SearchRules",
                app("Yams", "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // `shop serve`: one AppRuntime per SSH session on the pure-Swift ANSI backend (no ncurses).
        .target(
            name: "ShopSSH",
            dependencies: [
                "ShopApp", "ShopKit", "TerminalUI",
                app("NIOSSH", "swift-nio-ssh"),
                // One connection pool to the gateway for every session.
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                app("Crypto", "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "shop",
            dependencies: [
                "ShopApp", "ShopFlows", "TerminalCurses", "ShopMockServer", "ShopKit", "TerminalUI", "ShopSSH",
                app("ArgumentParser", "swift-argument-parser"),
                app("Yams", "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),

        // Benchmarks for docs/performance.md: they print figures, nothing asserts a time.
        .executableTarget(
            name: "shop-bench",
            dependencies: [
                "ShopApp", "ShopKit", "ShopMockServer", "TerminalUI",
                app("ArgumentParser", "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),

        // MARK: Tests
        .testTarget(name: "ShopFlowsTests", dependencies: ["ShopFlows", "ShopKit"], swiftSettings: strict),
        .testTarget(
            name: "ShopKitTests",
            dependencies: [
                "ShopKit", "ShopKitTesting", "ShopMockServer", "ShopTestSupport",
                app("Crypto", "swift-crypto"),
                // The tests observe requests with their own ClientMiddleware and inject an HTTPClient.
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ShopMockServerTests",
            dependencies: [
                "ShopMockServer", "ShopTestSupport", "SearchRules",
                // The schema test reads the gateway's database with plain SQL.
                app("GRDB", "GRDB.swift"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                // Raw connections for the abuse tests (slowloris, floods, bodies no client would send).
                .product(name: "NIOPosix", package: "swift-nio"),
                app("Yams", "Yams"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "TerminalUITests",
            dependencies: [
                "TerminalUI", "TerminalUITesting", "ShopTestSupport",
                app("SnapshotTesting", "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "TerminalCursesTests",
            dependencies: ["TerminalCurses", "TerminalUI", "ShopTestSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ShopAppTests",
            dependencies: [
                "ShopApp", "ShopKit", "TerminalUI", "ShopMockServer", "TerminalUITesting", "ShopTestSupport",
                app("SnapshotTesting", "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"],
            swiftSettings: strict
        ),
        // Issue 6: fault, abuse and fuzz suites (exactly-once checkout through a faulty proxy,
        // kill -9 crash safety, concurrency, the authorisation matrix from the contract, secrets,
        // hostile catalog, response-decoding fuzz).
        .testTarget(
            name: "ReliabilityTests",
            dependencies: [
                "ShopKit", "ShopMockServer", "ShopTestSupport",
                app("Yams", "Yams"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // Issue 14: `shop serve` driven by the real OpenSSH client (in tmux and `ssh -tt`).
        .testTarget(
            name: "SSHTests",
            dependencies: [
                "ShopSSH", "ShopKit", "ShopMockServer", "TerminalUI", "ShopTestSupport",
                // An SSH client in the test process, for what OpenSSH would never send.
                app("NIOSSH", "swift-nio-ssh"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                app("Crypto", "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["ShopKit", "ShopMockServer", "ShopFlows", "ShopTestSupport", .product(name: "Logging", package: "swift-log")],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
    ]
)
