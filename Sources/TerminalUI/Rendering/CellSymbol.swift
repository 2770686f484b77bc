import Synchronization

/// The grapheme of a cell, stored without a heap object so that cells are plain data: copying
/// a frame is a memcpy and comparing two cells compares 24 bytes, with no reference counting.
///
/// Up to 15 UTF-8 bytes live inline (every letter, CJK character, most emoji). Longer clusters
/// (ZWJ families, letters with many marks) are interned in a process-wide table and stored by
/// number; once that table is full, a long cluster keeps only the scalars that fit inline, so
/// text from the network cannot grow memory without bound.
struct CellSymbol: Hashable, Sendable {
    /// Bytes 0–7 of the UTF-8, or the table index of an interned symbol.
    private var low: UInt64
    /// Bytes 8–14 of the UTF-8; the top byte is the length, or `interned`.
    private var high: UInt64

    private static let interned: UInt64 = 0xFF
    private static let lengthShift: UInt64 = 56

    /// The right half of a wide character.
    static let continuation = CellSymbol(low: 0, high: 0)
    static let space = CellSymbol(ascii: 0x20)

    private init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    /// One printable ASCII character, the hot path of writing text.
    @inline(__always)
    init(ascii byte: UInt8) {
        low = UInt64(byte)
        high = 1 << CellSymbol.lengthShift
    }

    /// One scalar that is a whole grapheme by itself (its UTF-8 always fits inline).
    @inline(__always)
    init(scalar: Unicode.Scalar) {
        var low: UInt64 = 0
        var count: UInt64 = 0
        for byte in scalar.utf8 {
            low |= UInt64(byte) << (8 * count)
            count += 1
        }
        self.init(low: low, high: count << CellSymbol.lengthShift)
    }

    init(_ text: String) {
        if text.utf8.count <= 15 {
            self.init(inline: text)
            return
        }
        if let index = LongSymbolTable.shared.index(of: text) {
            self.init(low: UInt64(index), high: CellSymbol.interned << CellSymbol.lengthShift)
            return
        }
        // The table is full: keep the leading scalars that fit inline.
        var prefix = String.UnicodeScalarView()
        var bytes = 0
        for scalar in text.unicodeScalars {
            let size = UTF8.width(scalar)
            if bytes + size > 15 { break }
            prefix.append(scalar)
            bytes += size
        }
        self.init(inline: String(prefix))
    }

    private init(inline text: String) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var count: UInt64 = 0
        for byte in text.utf8 {
            if count < 8 {
                low |= UInt64(byte) << (8 * count)
            } else {
                high |= UInt64(byte) << (8 * (count - 8))
            }
            count += 1
        }
        self.init(low: low, high: high | count << CellSymbol.lengthShift)
    }

    private var length: UInt64 { high >> CellSymbol.lengthShift }

    var isContinuation: Bool { high == 0 && low == 0 }

    /// The single ASCII byte this symbol is, if it is one (lets hot paths skip making a String).
    var asciiByte: UInt8? { length == 1 && low < 0x80 ? UInt8(low) : nil }

    var string: String {
        let length = self.length
        if length == CellSymbol.interned { return LongSymbolTable.shared.symbol(at: Int(low)) }
        if length == 0 { return "" }
        var words = (low, high & ~(0xFF << CellSymbol.lengthShift))
        return withUnsafeBytes(of: &words) { bytes in
            String(decoding: UnsafeRawBufferPointer(rebasing: bytes[0..<Int(length)]), as: UTF8.self)
        }
    }
}

/// Graphemes longer than 15 UTF-8 bytes, each stored once for the life of the process.
final class LongSymbolTable: Sendable {
    static let shared = LongSymbolTable()
    /// Enough for every emoji ZWJ sequence many times over, small enough to never matter.
    static let capacity = 65_536

    private struct Storage {
        var indices: [String: Int] = [:]
        var symbols: [String] = []
    }

    private let storage = Mutex(Storage())

    /// The index of `symbol`, adding it if there is room; nil when the table is full.
    func index(of symbol: String) -> Int? {
        storage.withLock { storage in
            if let index = storage.indices[symbol] { return index }
            guard storage.symbols.count < LongSymbolTable.capacity else { return nil }
            storage.symbols.append(symbol)
            storage.indices[symbol] = storage.symbols.count - 1
            return storage.symbols.count - 1
        }
    }

    func symbol(at index: Int) -> String {
        storage.withLock { $0.symbols[index] }
    }
}
