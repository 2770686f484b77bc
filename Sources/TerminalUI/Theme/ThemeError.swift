/// Why a theme file could not be used, naming the file and the offending key so that a user
/// can fix their own theme.
public struct ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file (or other source) the theme came from.
    public var file: String
    /// The dotted path of the offending key, e.g. `roles.price.fg`, when there is one.
    public var key: String?
    /// The 1-based line in the file, when known.
    public var line: Int?
    public var message: String

    public init(file: String, key: String? = nil, line: Int? = nil, message: String) {
        self.file = file
        self.key = key
        self.line = line
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let key { location += ": \(key)" }
        return "\(location): \(message)"
    }
}
