import Foundation
import PackagePlugin

/// Compiles the files under a target's `Embedded/` directory into its code as `EmbeddedFiles`,
/// so an executable carries its data (themes, the seed catalog) and needs no resource bundle
/// beside it: a `shop` binary copied anywhere still finds them.
@main
struct EmbedFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let files = target.sourceFiles.map(\.url)
            .filter { $0.pathComponents.dropLast().last == "Embedded" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(component: "EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) files in \(target.name)",
                executable: try context.tool(named: "embed-files").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output])
        ]
    }
}
