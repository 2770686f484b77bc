import TerminalUI

/// The one keymap table. Key handling, the footer hints, the `?` help overlay, on-screen
/// advice and the command palette are all generated from it, so they cannot disagree, and a
/// key remapped in `config.yaml` shows everywhere.
///
/// The presets are in `KeymapPresets.swift`; `config.yaml`'s `keys:` section changes one of
/// them (`KeymapConfiguration`).
public struct Keymap: Equatable, Sendable {
    public var bindings: [KeyBinding] {
        didSet { positions = Self.positions(of: bindings) }
    }
    /// The preset this keymap started from ("vim", "arrows", "emacs").
    public var presetName: String
    /// Where each scope's keys are bound, so a key is looked up rather than searched for: the
    /// footer asks for the keys of every hint on every frame.
    private var positions: [KeyScope: [Key: Int]]

    public init(bindings: [KeyBinding], presetName: String) {
        self.bindings = bindings
        self.presetName = presetName
        positions = Self.positions(of: bindings)
    }

    private static func positions(of bindings: [KeyBinding]) -> [KeyScope: [Key: Int]] {
        var positions: [KeyScope: [Key: Int]] = [:]
        for (index, binding) in bindings.enumerated() {
            for key in binding.keys where positions[binding.scope]?[key] == nil {
                positions[binding.scope, default: [:]][key] = index  // the first binding wins
            }
        }
        return positions
    }

    /// The binding of `command` in `scope`, if the keymap has one.
    public func binding(_ command: Command, in scope: KeyScope) -> KeyBinding? {
        bindings.first { $0.command == command && $0.scope == scope }
    }

    /// Gives `command` in `scope` exactly `keys`, adding a binding when the scope had none
    /// (named like the global one, so help reads the same).
    public mutating func rebind(_ command: Command, in scope: KeyScope, to keys: [Key]) {
        if let index = bindings.firstIndex(where: { $0.command == command && $0.scope == scope }) {
            bindings[index].keys = keys
        } else {
            let label = binding(command, in: .global)?.label ?? command.rawValue
            bindings.append(KeyBinding(keys, command, scope, label))
        }
    }

    /// The binding `key` has in `scope` alone (no global fallback).
    public func binding(of key: Key, in scope: KeyScope) -> KeyBinding? {
        positions[scope]?[key].map { bindings[$0] }
    }

    /// The text-field command `key` runs while a field has focus, if any.
    public func fieldCommand(for key: Key) -> Command? {
        binding(of: key, in: .field)?.command
    }

    /// The command `key` runs in `scope`; when `typing`, printable keys and the field's
    /// editing keys are left to the field.
    public func command(for key: Key, scope: KeyScope, typing: Bool) -> Command? {
        if typing && (key.isPrintable || fieldCommand(for: key) != nil) { return nil }
        if let binding = binding(of: key, in: scope) { return binding.command }
        guard scope.inheritsGlobal else { return nil }
        return binding(of: key, in: .global)?.command
    }

    /// The command `key` runs in `context`, or nil when it runs none (or one that cannot run now).
    public static func command(for key: Key, in context: KeyContext) -> Command? {
        guard let command = context.keymap.command(for: key, scope: context.scope, typing: context.typing),
              !context.unavailable.contains(command) else { return nil }
        return command
    }

    /// The keys that run `command` in `context`, in the keymap's order (a scope's binding of a
    /// key hides the global one, and typing hides printable keys).
    public static func keys(for command: Command, in context: KeyContext) -> [Key] {
        guard !context.unavailable.contains(command) else { return [] }
        var keys: [Key] = []
        for binding in context.keymap.bindings where binding.command == command
            && (binding.scope == context.scope || (binding.scope == .global && context.scope.inheritsGlobal)) {
            for key in binding.keys where !keys.contains(key) && self.command(for: key, in: context) == command {
                keys.append(key)
            }
        }
        return keys
    }

    /// "Enter to place the order": the first key that runs `command` here and what it does, or
    /// nil when no key does. On-screen advice is built from this, never spelled by hand.
    public static func advice(_ command: Command, _ phrase: String, in context: KeyContext) -> String? {
        keys(for: command, in: context).first.map { "\($0.displayName(unicode: context.unicode)) \(phrase)" }
    }

    /// Several pieces of advice, those that can be followed here, joined with " · ".
    public static func advice(_ items: [(Command, String)], in context: KeyContext) -> String {
        items.compactMap { advice($0.0, $0.1, in: context) }.joined(separator: " · ")
    }

    /// The hints of the footer in `context`: its screen's footer bindings and the promoted
    /// commands, then the global ones it does not override; each with the first key that works
    /// here and the label of this state.
    public static func footerHints(_ context: KeyContext) -> [KeyHint] {
        let bindings = context.keymap.bindings
        let own = bindings.filter { $0.scope == context.scope && ($0.inFooter || context.promoted.contains($0.command)) && !context.demoted.contains($0.command) }
        let ownCommands = Set(own.map(\.command))
        // Help and quit first: they must fit even on a narrow screen.
        let global = bindings.filter { $0.scope == .global && ($0.inFooter || context.promoted.contains($0.command)) && !ownCommands.contains($0.command) }
            .sorted { (context.promoted.contains($0.command) ? -1 : rank($0.command)) < (context.promoted.contains($1.command) ? -1 : rank($1.command)) }
        var seen: Set<Command> = []
        return (own + global).compactMap { binding in
            guard !seen.contains(binding.command) else { return nil }
            let usable = binding.keys.filter { command(for: $0, in: context) == binding.command }
            guard let key = usable.first else { return nil }
            seen.insert(binding.command)
            return KeyHint(keys: [key], context.labels[binding.command] ?? binding.label)
        }
    }

    /// The hints of the footer of `scope` in the default keymap (see ``footerHints(_:)``).
    public static func footerHints(for scope: KeyScope, typing: Bool, unavailable: Set<Command> = []) -> [KeyHint] {
        footerHints(KeyContext(scope, typing: typing, unavailable: unavailable))
    }

    private static func rank(_ command: Command) -> Int {
        switch command {
        case .help: 0
        case .quit: 1
        case .palette: 2
        default: 3
        }
    }

    /// The rows of the help overlay: every binding of the context's screen that can run now,
    /// then the global ones, then the text fields' editing keys; keys a field takes while
    /// typing are left out of the others.
    public static func helpSections(_ context: KeyContext) -> [(title: String, hints: [KeyHint])] {
        func hints(_ scope: KeyScope) -> [KeyHint] {
            context.keymap.bindings.filter { $0.scope == scope }.compactMap { binding in
                // A key the screen binds itself is listed under the screen, not again under
                // Everywhere (Enter read "details" in both sections of Browse's help).
                let keys = binding.keys.filter { key in
                    command(for: key, in: context) == binding.command
                        && (scope == context.scope || context.keymap.binding(of: key, in: context.scope) == nil)
                }
                return keys.isEmpty ? nil : KeyHint(keys: keys, context.labels[binding.command] ?? binding.label)
            }
        }
        var sections: [(String, [KeyHint])] = []
        if context.scope != .global {
            sections.append((context.scope.title, hints(context.scope)))
        }
        sections.append((KeyScope.global.title, hints(.global)))
        if context.typing {
            let field = context.keymap.bindings.filter { $0.scope == .field && !$0.keys.isEmpty }.map { KeyHint(keys: $0.keys, $0.label) }
            sections.append((KeyScope.field.title, field))
        }
        return sections
    }

    /// The rows of the help overlay of `scope` with nothing typed, in the default keymap.
    public static func helpSections(current scope: KeyScope) -> [(title: String, hints: [KeyHint])] {
        helpSections(KeyContext(scope))
    }
}
