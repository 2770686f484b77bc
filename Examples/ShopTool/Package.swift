// swift-tools-version: 6.2
import PackageDescription

// A tool built on ShopKit the way any other package would depend on it. CI builds it from a
// clean state (scripts/build-example.sh) and checks that no generator, server or terminal
// target is compiled on the way.
let package = Package(
    name: "ShopTool",
    platforms: [.macOS(.v15)],
    dependencies: [
        // Elsewhere: .package(url: "https://github.com/example/shop", branch: "main", traits: [])
        // `traits: []` leaves out the app's and the mock gateway's packages: only ShopKit's
        // runtime dependencies are resolved.
        .package(name: "shop", path: "../..", traits: []),
    ],
    targets: [
        .target(name: "ShopTour", dependencies: [.product(name: "ShopKit", package: "shop")]),
        .executableTarget(name: "shop-tool", dependencies: ["ShopTour", .product(name: "ShopKit", package: "shop")]),
        .testTarget(
            name: "ShopTourTests",
            dependencies: ["ShopTour", .product(name: "ShopKit", package: "shop"), .product(name: "ShopKitTesting", package: "shop")]),
    ]
)
