/// The state keys are pressed in, as far as the keymap cares: the screen, whether a field takes
/// printable keys, what cannot run now, and how the current step or pane names a command.
///
/// Key handling, the footer, the help overlay and on-screen advice all read the same context,
/// so none of them can offer a key that does something else (or nothing) in this state.
public struct KeyContext: Equatable, Sendable {
    public var scope: KeyScope
    /// Printable keys type into a field instead of running commands.
    public var typing: Bool
    /// Commands whose keys would do nothing now (a shipped order cannot be cancelled).
    public var unavailable: Set<Command>
    /// What a command does here, when that is more precise than its binding's label
    /// ("Enter add to cart" in the detail pane, not "details/add").
    public var labels: [Command: String]
    /// Commands worth a place in the footer here, beyond the bindings marked for it.
    public var promoted: Set<Command>
    /// Commands that work here but would only repeat another hint in the footer.
    public var demoted: Set<Command> = []
    /// The keys, as configured.
    public var keymap: Keymap = .vim
    /// False where the terminal cannot draw arrows: advice names them in words ("Down next").
    public var unicode = true

    public init(_ scope: KeyScope, typing: Bool = false, unavailable: Set<Command> = [], labels: [Command: String] = [:],
                promoted: Set<Command> = [], keymap: Keymap = .vim) {
        self.scope = scope
        self.typing = typing
        self.unavailable = unavailable
        self.labels = labels
        self.promoted = promoted
        self.keymap = keymap
    }
}
