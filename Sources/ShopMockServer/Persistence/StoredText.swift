import Foundation
import GRDB

/// Text as SQLite must be given it to keep every byte.
///
/// GRDB binds a Swift string as a C string, so a NUL inside it (a hostile catalog has them)
/// would cut it short. Such a string is stored as a BLOB of its UTF-8 bytes instead; rows
/// read back through `Row` turn it into the same string. Strings without a NUL stay TEXT, so
/// a person reading the tables with `sqlite3` sees ordinary text.
enum StoredText {
    static func value(_ text: String) -> any DatabaseValueConvertible {
        text.utf8.contains(0) ? Data(text.utf8) : text
    }

    static func value(_ text: String?) -> (any DatabaseValueConvertible)? {
        text.map(value)
    }
}
