/// Makes untrusted text (anything from the network) safe to put on a terminal screen.
///
/// A product name or review must not be able to move the cursor, change colours, set the window
/// title or the clipboard (OSC 0/2/52), plant a hyperlink (OSC 8) or reorder what is shown
/// (bidi overrides, "Trojan Source"). So escape sequences are removed whole — CSI, OSC, DCS,
/// SOS, PM, APC in their 7-bit (ESC-prefixed) and 8-bit (C1) forms — and every other C0/C1
/// control, bidi control and invisible formatting character is removed. Tabs become a space.
/// Zero-width joiners and non-joiners stay (emoji sequences and many scripts need them), as do
/// tag characters directly inside an emoji flag sequence.
public enum TextSanitizer {
    /// `text` made safe for one line of a screen: a line break becomes a space.
    public static func sanitizeLine(_ text: String) -> String {
        sanitize(text, keepsNewlines: false)
    }

    /// `text` made safe for a multi-line view: line breaks (LF, CR LF, CR, U+2028, U+2029)
    /// become `\n`, everything else as in ``sanitizeLine(_:)``.
    public static func sanitizeLines(_ text: String) -> String {
        sanitize(text, keepsNewlines: true)
    }

    /// Whether `scalar` is removed wherever it appears (outside escape sequences).
    public static func isInvisibleFormatting(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        // Ranges that hold no format characters: skip the property lookup for most text.
        case 0x20...0x7E, 0xA0...0xAC, 0xAE...0x34E, 0x350...0x5FF, 0x900...0x115E, 0x1161...0x180A, 0x1810...0x200A, 0x2010...0x2027, 0x2030...0x205F,
            0x2070...0x3163, 0x3165...0xD7FF, 0xE000...0xFEFE, 0xFF00...0xFF9F, 0xFFA1...0xFFF8, 0x1F000...0x1FFFF:
            return false
        case 0x200C, 0x200D: return false  // ZWNJ, ZWJ: needed by emoji sequences and scripts.
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true  // bidi controls
        case 0x115F, 0x1160, 0x3164, 0xFFA0: return true  // Hangul fillers: invisible but wide
        case 0x034F, 0x180B...0x180F, 0xFFF9...0xFFFB: return true
        default: return scalar.properties.generalCategory == .format
        }
    }

    private static func sanitize(_ text: String, keepsNewlines: Bool) -> String {
        if isPlainASCII(text) || isAlreadyClean(text, keepsNewlines: keepsNewlines) { return text }
        var output = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)[...]
        var previousKept: Unicode.Scalar?
        var inTagSequence = false
        while let scalar = scalars.popFirst() {
            let value = scalar.value
            switch value {
            case 0x1B:
                skipEscapeSequence(&scalars)
                continue
            case 0x9B:
                skipControlSequence(&scalars)
                continue
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F:
                skipControlString(&scalars)
                continue
            case 0x0A, 0x0D, 0x2028, 0x2029:
                if value == 0x0D, scalars.first?.value == 0x0A { _ = scalars.popFirst() }
                let replacement: Unicode.Scalar = keepsNewlines ? "\n" : " "
                output.append(replacement)
                previousKept = replacement
                inTagSequence = false
                continue
            case 0x09:
                output.append(" ")
                previousKept = " "
                inTagSequence = false
                continue
            case 0x00...0x1F, 0x7F...0x9F:
                continue
            case 0xE0020...0xE007F:
                // Tags are only kept inside an emoji tag sequence (the flags of England, Scotland,
                // Wales), which starts with U+1F3F4 WAVING BLACK FLAG.
                if inTagSequence || previousKept?.value == 0x1F3F4 {
                    output.append(scalar)
                    inTagSequence = value != 0xE007F
                }
                continue
            default:
                if isInvisibleFormatting(scalar) { continue }
                output.append(scalar)
                previousKept = scalar
                inTagSequence = false
            }
        }
        return String(output)
    }

    /// Whether sanitising would leave `text` as it is — the usual case, checked without
    /// building a new string.
    private static func isAlreadyClean(_ text: String, keepsNewlines: Bool) -> Bool {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A: if !keepsNewlines { return false }
            case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0xE0000...0xE007F: return false
            default: if isInvisibleFormatting(scalar) { return false }
            }
        }
        return true
    }

    @inline(__always)
    private static func isPlainASCII(_ text: String) -> Bool {
        for byte in text.utf8 where byte < 0x20 || byte >= 0x7F { return false }
        return true
    }

    /// Skips what follows an ESC: a CSI, a control string (OSC, DCS, SOS, PM, APC) or a short
    /// escape (ESC, intermediates, final). A sequence cut short at the end of the text is dropped.
    private static func skipEscapeSequence(_ scalars: inout ArraySlice<Unicode.Scalar>) {
        guard let next = scalars.first else { return }
        switch next {
        case "[":
            scalars.removeFirst()
            skipControlSequence(&scalars)
        case "]", "P", "X", "^", "_":
            scalars.removeFirst()
            skipControlString(&scalars)
        default:
            // nF escapes: intermediates 0x20–0x2F then one final 0x30–0x7E (e.g. ESC ( B, ESC 7).
            while let scalar = scalars.first, (0x20...0x2F).contains(scalar.value) {
                scalars.removeFirst()
            }
            if let scalar = scalars.first, (0x30...0x7E).contains(scalar.value) {
                scalars.removeFirst()
            }
        }
    }

    /// Skips CSI parameters and intermediates up to and including the final byte. A character
    /// that cannot be part of a CSI ends it early and is kept, so text is not eaten needlessly.
    private static func skipControlSequence(_ scalars: inout ArraySlice<Unicode.Scalar>) {
        while let scalar = scalars.first {
            switch scalar.value {
            case 0x20...0x3F:
                scalars.removeFirst()
            case 0x40...0x7E:
                scalars.removeFirst()
                return
            default:
                return
            }
        }
    }

    /// Skips a control string up to its terminator: BEL, ST (ESC \) or the C1 ST (0x9C).
    /// An unterminated string swallows the rest of the text, as a terminal would.
    private static func skipControlString(_ scalars: inout ArraySlice<Unicode.Scalar>) {
        while let scalar = scalars.popFirst() {
            switch scalar.value {
            case 0x07, 0x9C:
                return
            case 0x1B:
                if scalars.first == "\\" { scalars.removeFirst() }
                return
            default:
                continue
            }
        }
    }
}
