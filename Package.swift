// swift-tools-version: 6.2
import PackageDescription

// Dependencies point one way:
//   shop -> ShopApp -> {ShopFlows -> ShopKit, TerminalUI};  TerminalCurses -> {TerminalUI, CNcurses}
//   shop-mock-server -> ShopMockServer
// The wire layers of ShopKit and ShopMockServer are both generated from docs/openapi.yaml.
let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "shop",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "ShopKit", targets: ["ShopKit"]),
        .library(name: "ShopMockServer", targets: ["ShopMockServer"]),
        .library(name: "TerminalUI", targets: ["TerminalUI"]),
        .library(name: "TerminalCurses", targets: ["TerminalCurses"]),
        .library(name: "ShopApp", targets: ["ShopApp"]),
        .library(name: "ShopFlows", targets: ["ShopFlows"]),
        .executable(name: "shop-mock-server", targets: ["shop-mock-server"]),
        .executable(name: "shop", targets: ["shop"]),
        .executable(name: "shop-bench", targets: ["shop-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-openapi-generator", from: "1.14.3"),
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
        // Ed25519 host keys and key fingerprints (already in the graph through swift-nio-ssh).
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
            swiftSettings: strict,
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        .target(
            name: "ShopMockServer",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"),
                // The HTTP/1.1 channel the connection guards wrap.
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                // Parser errors (431 for oversized headers) and the password hashing thread pool.
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // Embedded/catalog.json, the seed catalog, is compiled in by EmbedFiles.
            swiftSettings: strict,
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator"), "EmbedFiles"]
        ),
        .executableTarget(
            name: "shop-mock-server",
            dependencies: [
                "ShopMockServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),

        // MARK: Build tools
        // Compiles a target's Embedded/ files into its code (no resource bundles to ship).
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["embed-files"]),
        .executableTarget(name: "embed-files", swiftSettings: strict),

        // MARK: Terminal toolkit
        .systemLibrary(name: "CNcurses", providers: [.apt(["libncurses-dev"])]),
        .target(
            name: "TerminalUI",
            dependencies: [.product(name: "Yams", package: "Yams")],
            // `Embedded` is a symlink to the top-level `themes/` (the single source of the theme
            // files); EmbedFiles compiles them in, so a copied binary still has its themes.
            swiftSettings: strict,
            plugins: ["EmbedFiles"]
        ),
        // Test support: the screen snapshot strategy both UI test targets use.
        .target(
            name: "TerminalUITesting",
            dependencies: [
                "TerminalUI",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            swiftSettings: strict
        ),
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
                "ShopKit", "ShopFlows", "TerminalUI",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // `shop serve`: one AppRuntime per SSH session on the pure-Swift ANSI backend (no ncurses).
        .target(
            name: "ShopSSH",
            dependencies: [
                "ShopApp", "ShopKit", "TerminalUI",
                .product(name: "NIOSSH", package: "swift-nio-ssh"),
                // One connection pool to the gateway for every session.
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "shop",
            dependencies: [
                "ShopApp", "ShopFlows", "TerminalCurses", "ShopMockServer", "ShopKit", "TerminalUI", "ShopSSH",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),

        // Benchmarks for docs/performance.md: they print figures, nothing asserts a time.
        .executableTarget(
            name: "shop-bench",
            dependencies: [
                "ShopApp", "ShopKit", "ShopMockServer", "TerminalUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
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
                "ShopKit", "ShopMockServer",
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
                "ShopMockServer",
                // The schema test reads the gateway's database with plain SQL.
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                // Raw connections for the abuse tests (slowloris, floods, bodies no client would send).
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "TerminalUITests",
            dependencies: [
                "TerminalUI", "TerminalUITesting",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "TerminalCursesTests",
            dependencies: ["TerminalCurses", "TerminalUI"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ShopAppTests",
            dependencies: [
                "ShopApp", "ShopKit", "TerminalUI", "ShopMockServer", "TerminalUITesting",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
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
                "ShopKit", "ShopMockServer",
                .product(name: "Yams", package: "Yams"),
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
                "ShopSSH", "ShopKit", "ShopMockServer", "TerminalUI",
                // An SSH client in the test process, for what OpenSSH would never send.
                .product(name: "NIOSSH", package: "swift-nio-ssh"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["ShopKit", "ShopMockServer", "ShopFlows", .product(name: "Logging", package: "swift-log")],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
    ]
)
