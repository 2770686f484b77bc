import Foundation

/// Substring search over UTF-8 bytes: memchr (vectorised in libc) finds each place where the
/// needle's rarest letter could sit, memcmp checks the whole needle there. Anchoring on the
/// rarest letter instead of the first ("p" of "lamp", not "l") skips most false starts.
enum ByteSearch {
    /// The offset of the first occurrence of `needle` in `hay` at or after `from`, or nil.
    @inline(__always)
    static func firstOccurrence(of needle: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, from: Int,
                                anchor: Int) -> Int? {
        let length = needle.count
        guard let base = hay.baseAddress, length > 0, hay.count - from >= length else { return nil }
        let anchorByte = Int32(needle[anchor])
        // The anchor of a match at `at` sits at `at + anchor`, with `from <= at <= hay.count - length`.
        var index = from + anchor
        let lastAnchor = hay.count - length + anchor
        while index <= lastAnchor {
            guard let found = memchr(base + index, anchorByte, lastAnchor - index + 1) else { return nil }
            let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found)) - anchor
            if length == 1 || memcmp(base + at, needle.baseAddress!, length) == 0 { return at }
            index = at + anchor + 1
        }
        return nil
    }

    /// The position of the needle's least common byte (English letter frequency; other bytes
    /// count as rare).
    static func anchor(of needle: UnsafeBufferPointer<UInt8>) -> Int {
        // Per-mille frequencies of a–z in English text.
        let frequency: [Int] = [82, 15, 28, 43, 127, 22, 20, 61, 70, 2, 8, 40, 24, 67, 75, 19, 1, 60, 63, 91, 28, 10, 24, 2, 20, 1]
        func cost(_ byte: UInt8) -> Int {
            (0x61...0x7A).contains(byte) ? frequency[Int(byte - 0x61)] : 5
        }
        return needle.indices.min { cost(needle[$0]) < cost(needle[$1]) } ?? 0
    }
}
