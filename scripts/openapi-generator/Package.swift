// swift-tools-version: 6.2
import PackageDescription

// Only for scripts/generate-openapi.sh: builds swift-openapi-generator's command-line tool.
// The generator is not a dependency of the shop package itself, so a package that depends on
// ShopKit never resolves or builds it.
let package = Package(
    name: "openapi-generator",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3"),
    ]
)
