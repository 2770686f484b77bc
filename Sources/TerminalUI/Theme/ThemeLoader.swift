import Foundation
import Yams

/// Reads themes: the built-in ones shipped from `themes/` and users' own files.
///
/// A theme file is YAML:
///
/// ```yaml
/// name: dark            # optional, defaults to the file name
/// border: rounded       # rounded, square, heavy, double or ascii
/// roles:
///   text: { fg: "#d0d0d0" }
///   price: { fg: 214, attributes: [bold] }
///   selection: { fg: black, bg: "#5fafff" }
///   muted: "#808080"    # shorthand for { fg: ... }
/// ```
///
/// Colours are `default`, an ANSI name (`red`, `brightBlue`, …), a palette index `0`–`255` or
/// `#rrggbb`. Roles the file leaves out come from the fallback theme (the built-in default).
public struct ThemeLoader: Sendable {
    /// Where missing roles come from; nil keeps them undefined (plain).
    public var fallback: Theme?

    public init(fallback: Theme? = .default) {
        self.fallback = fallback
    }

    /// Loads the theme file at `path`.
    public func load(contentsOf path: String) throws -> Theme {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ThemeError(file: path, message: "cannot read the file (\(error.localizedDescription))")
        }
        let defaultName = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return try load(yaml: text, source: path, defaultName: defaultName)
    }

    /// Parses theme YAML; `source` names it in errors.
    public func load(yaml: String, source: String, defaultName: String = "custom") throws -> Theme {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw ThemeError(file: source, message: "not valid YAML: \(error)")
        }
        guard let root, let mapping = root.mapping else {
            throw ThemeError(file: source, line: root?.mark?.line, message: "expected a mapping with a 'roles' key")
        }
        var name = defaultName
        var border = fallback?.border ?? .rounded
        var roles = fallback?.roles ?? [:]
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            switch key {
            case "name":
                guard let text = value.string, !text.isEmpty else {
                    throw ThemeError(file: source, key: "name", line: value.mark?.line, message: "expected a non-empty string")
                }
                name = text
            case "border":
                guard let text = value.string, let set = BorderSet.named[text] else {
                    throw ThemeError(
                        file: source, key: "border", line: value.mark?.line,
                        message: "unknown border '\(value.string ?? "")' (expected one of: \(BorderSet.named.keys.sorted().joined(separator: ", ")))")
                }
                border = set
            case "roles":
                guard let roleMapping = value.mapping else {
                    throw ThemeError(file: source, key: "roles", line: value.mark?.line, message: "expected a mapping of role names to styles")
                }
                for (roleKey, roleValue) in roleMapping {
                    let roleName = roleKey.string ?? ""
                    guard let role = ThemeRole(rawValue: roleName) else {
                        throw ThemeError(
                            file: source, key: "roles.\(roleName)", line: roleKey.mark?.line,
                            message: "unknown role (known roles: \(ThemeRole.allCases.map(\.rawValue).joined(separator: ", ")))")
                    }
                    roles[role] = try parseRoleStyle(roleValue, key: "roles.\(roleName)", source: source)
                }
            default:
                throw ThemeError(file: source, key: key, line: keyNode.mark?.line, message: "unknown key (expected name, border or roles)")
            }
        }
        return Theme(name: name, roles: roles, border: border)
    }

    private func parseRoleStyle(_ node: Node, key: String, source: String) throws -> RoleStyle {
        if node.scalar != nil {
            return RoleStyle(foreground: try parseColor(node, key: key, source: source))
        }
        guard let mapping = node.mapping else {
            throw ThemeError(file: source, key: key, line: node.mark?.line, message: "expected a colour or a mapping with fg, bg and attributes")
        }
        var style = RoleStyle()
        for (fieldNode, value) in mapping {
            let field = fieldNode.string ?? ""
            switch field {
            case "fg": style.foreground = try parseColor(value, key: "\(key).fg", source: source)
            case "bg": style.background = try parseColor(value, key: "\(key).bg", source: source)
            case "attributes": style.attributes = try parseAttributes(value, key: "\(key).attributes", source: source)
            default:
                throw ThemeError(file: source, key: "\(key).\(field)", line: fieldNode.mark?.line, message: "unknown field (expected fg, bg or attributes)")
            }
        }
        return style
    }

    private func parseColor(_ node: Node, key: String, source: String) throws -> Color {
        guard let text = node.string, let color = Color(parsing: text) else {
            throw ThemeError(
                file: source, key: key, line: node.mark?.line,
                message: "invalid colour '\(node.string ?? "")' (expected default, an ANSI name such as red or brightBlue, 0-255, or #rrggbb)")
        }
        return color
    }

    private func parseAttributes(_ node: Node, key: String, source: String) throws -> TextAttributes {
        let names: [Node]
        if let sequence = node.sequence {
            names = Array(sequence)
        } else if node.scalar != nil {
            names = [node]
        } else {
            throw ThemeError(file: source, key: key, line: node.mark?.line, message: "expected a list of attributes")
        }
        var attributes: TextAttributes = []
        for nameNode in names {
            guard let name = nameNode.string, let attribute = TextAttributes.named.first(where: { $0.name == name })?.attribute else {
                throw ThemeError(
                    file: source, key: key, line: nameNode.mark?.line,
                    message: "unknown attribute '\(nameNode.string ?? "")' (expected \(TextAttributes.named.map(\.name).joined(separator: ", ")))")
            }
            attributes.insert(attribute)
        }
        return attributes
    }
}

extension ThemeLoader {
    /// The names of the built-in themes, sorted: the files of the top-level `themes/`, compiled
    /// into the library (Embedded/EmbeddedFiles.swift, made by scripts/embed-files.sh), so no
    /// resource bundle has to ship with it.
    public static func builtInNames() -> [String] {
        EmbeddedFiles.names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }
    }

    /// The YAML of a built-in theme, as in `themes/NAME.yaml`.
    public static func builtInYAML(named name: String) -> String? {
        EmbeddedFiles.data(named: "\(name).yaml").map { String(decoding: $0, as: UTF8.self) }
    }

    /// Loads a built-in theme by name; every theme but `default` falls back to `default`.
    public static func builtIn(named name: String) throws -> Theme {
        guard let yaml = builtInYAML(named: name) else {
            throw ThemeError(
                file: "themes/\(name).yaml",
                message: "no built-in theme named '\(name)' (available: \(builtInNames().joined(separator: ", ")))")
        }
        let loader = ThemeLoader(fallback: name == "default" ? nil : Theme.default)
        return try loader.load(yaml: yaml, source: "themes/\(name).yaml", defaultName: name)
    }

    /// A theme given by name (built-in) or by a path to a `.yaml` file (a user's theme).
    public static func named(_ nameOrPath: String) throws -> Theme {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") {
            return try ThemeLoader().load(contentsOf: nameOrPath)
        }
        return try builtIn(named: nameOrPath)
    }
}
