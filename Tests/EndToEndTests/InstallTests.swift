import Foundation
import Testing

/// `shop` is one file: copied anywhere, it finds its themes and seed catalog, because they are
/// compiled in (scripts/embed-files.sh) instead of shipped as resource bundles beside it.
@Suite struct InstallTests {
    @Test(.enabled(if: Harness.binDirectory != nil, "build shop first (swift build)"))
    func theExecutablesLookForNoResourceBundleOfOurs() throws {
        for executable in ["shop", "shop-mock-server"] {
            let url = Harness.binDirectory!.appendingPathComponent(executable)
            let binary = try Data(contentsOf: url, options: .alwaysMapped)
            for bundle in ["shop_TerminalUI.resources", "shop_ShopMockServer.resources"] {
                // SwiftPM's `Bundle.module` accessor names its bundle; without the bundle beside
                // the binary (and without the build directory) it stops the program.
                #expect(binary.range(of: Data(bundle.utf8)) == nil, "\(executable) looks for \(bundle)")
            }
        }
    }
}
