import TerminalUI
import Yams

/// The `keys:` section of `config.yaml`: a preset, then the commands each scope remaps.
///
/// ```yaml
/// keys:
///   preset: emacs            # vim (default), arrows, emacs
///   global:
///     quit: Q                # one key…
///     palette: [":", ctrl-p] # …or a list; [] unbinds
///   cart:
///     removeLine: d
/// ```
///
/// Every mistake is an error naming the file, the line and the key: an unknown scope, command
/// or key name, a command the scope has no use for, and a key that would then run two
/// commands where it is pressed (or hide a command of every screen on one of them).
enum KeymapConfiguration {
    /// One key the file sets, remembered to check it against the rest.
    private struct Assignment {
        var scope: KeyScope
        var command: Command
        var key: Key
        var line: Int?
    }

    static func keymap(from node: Node, file: String) throws(SettingsError) -> Keymap {
        guard let mapping = node.mapping else {
            throw SettingsError(file: file, key: "keys", line: node.mark?.line, message: "must be a mapping of scopes (global, cart, …) to commands")
        }
        var keymap = Keymap.vim
        if let presetNode = mapping["preset"] {
            guard let name = presetNode.string, let preset = Keymap.preset(named: name) else {
                throw SettingsError(file: file, key: "keys.preset", line: presetNode.mark?.line,
                                    message: "must be one of \(Keymap.presetNames.joined(separator: ", "))")
            }
            keymap = preset
        }
        let preset = keymap
        var assignments: [Assignment] = []
        for (scopeNode, commandsNode) in mapping {
            guard let scopeName = scopeNode.string, scopeName != "preset" else { continue }
            guard let scope = KeyScope(rawValue: scopeName) else {
                throw SettingsError(file: file, key: "keys.\(scopeNode.string ?? "?")", line: scopeNode.mark?.line,
                                    message: "is not a scope (known: preset, \(KeyScope.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard let commands = commandsNode.mapping else {
                throw SettingsError(file: file, key: "keys.\(scopeName)", line: commandsNode.mark?.line, message: "must map command names to keys")
            }
            for (commandNode, keysNode) in commands {
                let path = "keys.\(scopeName).\(commandNode.string ?? "?")"
                guard let name = commandNode.string, let command = Command(rawValue: name) else {
                    throw SettingsError(file: file, key: path, line: commandNode.mark?.line,
                                        message: "is not a command (the commands are listed in docs/keys.md and in the help overlay)")
                }
                guard knows(command, in: scope, preset) else {
                    throw SettingsError(file: file, key: path, line: commandNode.mark?.line,
                                        message: "does nothing in \(scope.title) (its commands: \(commandNames(in: scope, preset).joined(separator: ", ")))")
                }
                let keys = try parseKeys(keysNode, path: path, file: file)
                if scope == .field, let printable = keys.first(where: { $0.key.isPrintable }) {
                    throw SettingsError(file: file, key: path, line: printable.line,
                                        message: "'\(printable.key.displayName)' types into the field; editing keys are Ctrl, Alt or named keys")
                }
                if keys.isEmpty && (command == .quit || command == .forceQuit) && scope == .global {
                    throw SettingsError(file: file, key: path, line: keysNode.mark?.line, message: "needs at least one key")
                }
                keymap.rebind(command, in: scope, to: keys.map(\.key))
                assignments += keys.map { Assignment(scope: scope, command: command, key: $0.key, line: $0.line) }
            }
        }
        for assignment in assignments {
            if let clash = conflict(assignment, in: keymap, preset: preset) {
                throw SettingsError(file: file, key: "keys.\(assignment.scope.rawValue).\(assignment.command.rawValue)", line: assignment.line, message: clash)
            }
        }
        return keymap
    }

    /// A command makes sense in a scope the preset binds it in, and a screen takes every
    /// global command too.
    private static func knows(_ command: Command, in scope: KeyScope, _ keymap: Keymap) -> Bool {
        commandNames(in: scope, keymap).contains(command.rawValue)
    }

    private static func commandNames(in scope: KeyScope, _ keymap: Keymap) -> [String] {
        var names: [String] = []
        for binding in keymap.bindings where binding.scope == scope || (binding.scope == .global && scope.inheritsGlobal) {
            if !names.contains(binding.command.rawValue) { names.append(binding.command.rawValue) }
        }
        return names
    }

    private static func parseKeys(_ node: Node, path: String, file: String) throws(SettingsError) -> [(key: Key, line: Int?)] {
        let items: [Node]
        if let sequence = node.sequence { items = Array(sequence) } else { items = [node] }
        var keys: [(key: Key, line: Int?)] = []
        for item in items {
            guard let text = item.string, !text.isEmpty else {
                throw SettingsError(file: file, key: path, line: item.mark?.line, message: "must be a key name or a list of them (quote punctuation: \":\")")
            }
            switch KeyName.parse(text) {
            case .success(let key):
                if keys.contains(where: { $0.key == key }) { continue }
                keys.append((key, item.mark?.line))
            case .failure(let error):
                throw SettingsError(file: file, key: path, line: item.mark?.line, message: error.message)
            }
        }
        return keys
    }

    /// Why the key the file sets clashes with another binding where it is pressed, or nil.
    private static func conflict(_ assignment: Assignment, in keymap: Keymap, preset: Keymap) -> String? {
        let key = assignment.key.displayName
        // Two commands on one key in one scope.
        if let other = keymap.binding(of: assignment.key, in: assignment.scope), other.command != assignment.command {
            return "key '\(key)' also runs \(other.command.rawValue) in \(assignment.scope.title)"
        }
        switch assignment.scope {
        case .global:
            // A screen that binds the key for something else would hide the new global key there.
            for scope in KeyScope.allCases where scope != .global && scope.inheritsGlobal {
                if let other = keymap.binding(of: assignment.key, in: scope), other.command != assignment.command {
                    return "key '\(key)' runs \(other.command.rawValue) in \(scope.title), so it would not \(assignment.command.rawValue) there"
                }
            }
        case .dialog, .field, .palette:
            break
        default:
            // A new screen key that hides a global command on this screen.
            if let global = keymap.binding(of: assignment.key, in: .global), global.command != assignment.command,
               preset.binding(of: assignment.key, in: assignment.scope) == nil {
                return "key '\(key)' runs \(global.command.rawValue) everywhere; in \(assignment.scope.title) it would stop doing that"
            }
        }
        return nil
    }
}
