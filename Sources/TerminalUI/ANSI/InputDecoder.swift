/// Turns the bytes a terminal sends into ``Event``s: UTF-8 text, control keys, the xterm,
/// VT220, rxvt and Linux-console spellings of cursor and function keys, Alt-keys, SGR mouse
/// reports and bracketed paste. Unknown escape sequences are dropped whole, never read as Esc
/// followed by junk: CSI and SS3 ones, and the string ones (OSC `Esc ]`, DCS `Esc P`, APC, PM)
/// up to their BEL or ST, which terminals send as answers or after a title change.
/// Pure and incremental: bytes may arrive split anywhere.
public struct InputDecoder: Sendable {
    /// The longest paste kept; the rest of a larger one is dropped.
    public static let pasteLimit = 1 << 20
    /// The longest escape sequence read before it is dropped as garbage.
    static let sequenceLimit = 64
    /// The longest string sequence (an OSC title, a DCS answer) read before it is dropped.
    static let stringSequenceLimit = 4096
    /// The bytes after Esc that open a string sequence: `]` OSC, `P` DCS, `_` APC, `^` PM.
    static let stringIntroducers: Set<UInt8> = [0x5D, 0x50, 0x5F, 0x5E]

    private var pending: [UInt8] = []
    private var pasting: [UInt8]?

    public init() {}

    /// Whether bytes are waiting for the rest of a sequence: a lone Esc becomes the Esc key
    /// only when ``flushPending()`` is called after a short wait with no more input.
    public var hasPending: Bool { !pending.isEmpty }

    /// Whether a bracketed paste has begun and its end marker has not come yet.
    public var isPasting: Bool { pasting != nil }

    /// Decodes `bytes`, keeping an unfinished sequence for the next call.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [Event] {
        pending.append(contentsOf: bytes)
        var events: [Event] = []
        var index = 0
        while index < pending.count {
            if pasting != nil {
                guard let end = pasteEnd(from: index) else {
                    // Keep a possible start of the end marker for the next call.
                    let keep = max(index, pending.count - 5)
                    appendPaste(pending[index..<keep])
                    index = keep
                    break
                }
                appendPaste(pending[index..<end])
                events.append(.paste(String(decoding: pasting ?? [], as: UTF8.self)))
                pasting = nil
                index = end + 6
                continue
            }
            switch decodeOne(at: index) {
            case .incomplete:
                pending.removeFirst(index)
                return events
            case .consumed(let count, let event):
                if let event { events.append(event) }
                index += count
            case .pasteStart(let count):
                pasting = []
                index += count
            }
        }
        pending.removeFirst(min(index, pending.count))
        return events
    }

    /// Ends an unfinished sequence after the wait for its rest: a lone Esc is the Esc key, Esc
    /// plus a character is Alt plus it, anything longer is dropped.
    public mutating func flushPending() -> [Event] {
        defer { pending = [] }
        guard pasting == nil else { return [] }
        if pending == [0x1B] { return [.key(.escape)] }
        if pending.count == 2, pending[0] == 0x1B, pending[1] == 0x4F || pending[1] == 0x5B || Self.stringIntroducers.contains(pending[1]) {
            return [.key(.alt(Character(UnicodeScalar(pending[1]))))]
        }
        return []
    }

    private enum Step {
        case incomplete
        case consumed(Int, Event?)
        case pasteStart(Int)
    }

    private func decodeOne(at start: Int) -> Step {
        let byte = pending[start]
        if byte == 0x1B { return decodeEscape(at: start) }
        if byte < 0x20 || byte == 0x7F { return .consumed(1, Key(controlByte: byte).map(Event.key)) }
        return decodeCharacter(at: start).map { count, character in
            .consumed(count, character.map { .key(.character($0)) })
        } ?? .incomplete
    }

    /// One UTF-8 character: its length and the character (nil for invalid bytes, which are skipped).
    private func decodeCharacter(at start: Int) -> (Int, Character?)? {
        let byte = pending[start]
        let length = byte < 0x80 ? 1 : byte >= 0xF0 && byte < 0xF8 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC2 && byte < 0xE0 ? 2 : 0
        if length == 0 { return (1, nil) }
        if start + length > pending.count {
            // Wait for the rest, unless what came already cannot continue this character.
            for index in start + 1..<pending.count where pending[index] & 0xC0 != 0x80 { return (1, nil) }
            return nil
        }
        for index in start + 1..<start + length where pending[index] & 0xC0 != 0x80 { return (1, nil) }
        var decoder = UTF8()
        var iterator = pending[start..<start + length].makeIterator()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator),
              scalar.value >= 0xA0 || scalar.value == 0x20 || (scalar.value >= 0x21 && scalar.value < 0x7F)
        else { return (length, nil) }
        return (length, Character(scalar))
    }

    private func decodeEscape(at start: Int) -> Step {
        guard start + 1 < pending.count else { return .incomplete }
        let next = pending[start + 1]
        switch next {
        case 0x5B:  // [
            return decodeCSI(at: start)
        case 0x4F:  // O: SS3, the application-mode spelling
            guard start + 2 < pending.count else { return .incomplete }
            return .consumed(3, Self.ss3Key(pending[start + 2]).map(Event.key))
        case _ where Self.stringIntroducers.contains(next):
            return decodeStringSequence(at: start)
        case 0x1B:
            // Esc Esc: the first is the Esc key (rxvt also sends Alt+sequence this way).
            return .consumed(1, .key(.escape))
        case 0x7F, 0x08:
            return .consumed(2, .key(.backspace))
        case 0x00..<0x20:
            // Alt plus a control key: the control key.
            return .consumed(2, Key(controlByte: next).map(Event.key))
        default:
            guard let (count, character) = decodeCharacter(at: start + 1) else { return .incomplete }
            return .consumed(1 + count, character.map { .key(.alt($0)) })
        }
    }

    /// `Esc [` parameters intermediates final, e.g. `\e[1;5A`, `\e[15~`, `\e[<0;10;5M`.
    private func decodeCSI(at start: Int) -> Step {
        var index = start + 2
        // The Linux console's F1–F5: Esc [ [ A…E.
        if index < pending.count, pending[index] == 0x5B {
            guard index + 1 < pending.count else { return .incomplete }
            let letter = pending[index + 1]
            let key: Key? = (0x41...0x45).contains(letter) ? .function(Int(letter) - 0x40) : nil
            return .consumed(index + 2 - start, key.map(Event.key))
        }
        while index < pending.count {
            let byte = pending[index]
            if byte >= 0x40 && byte <= 0x7E || byte == 0x24 {
                // A final byte; rxvt ends shifted keys with `$` (and Ctrl ones with `^`, `@`).
                let parameters = Array(pending[(start + 2)..<index])
                let length = index + 1 - start
                if parameters == Array("200".utf8) && byte == 0x7E { return .pasteStart(length) }
                return .consumed(length, Self.csiEvent(parameters: parameters, final: byte))
            }
            if byte < 0x20 || byte > 0x7E || index - start > Self.sequenceLimit {
                // Not a sequence after all: drop what was read, keep the byte that broke it.
                return .consumed(index - start, nil)
            }
            index += 1
        }
        return .incomplete
    }

    /// `Esc ]`, `Esc P`, `Esc _` or `Esc ^`, then anything up to BEL or ST (`Esc \`): dropped
    /// whole. Another Esc ends it too (the string was cut short); that Esc is read again.
    private func decodeStringSequence(at start: Int) -> Step {
        var index = start + 2
        while index < pending.count {
            switch pending[index] {
            case 0x07:
                return .consumed(index + 1 - start, nil)
            case 0x1B:
                guard index + 1 < pending.count else { return .incomplete }
                return .consumed(pending[index + 1] == 0x5C ? index + 2 - start : index - start, nil)
            default:
                if index - start > Self.stringSequenceLimit { return .consumed(index - start, nil) }
                index += 1
            }
        }
        return .incomplete
    }

    static func ss3Key(_ byte: UInt8) -> Key? {
        switch byte {
        case 0x41: .up
        case 0x42: .down
        case 0x43: .right
        case 0x44: .left
        case 0x48: .home
        case 0x46: .end
        case 0x4D: .enter
        case 0x50...0x53: .function(Int(byte) - 0x4F)
        default: nil
        }
    }

    static func csiEvent(parameters: [UInt8], final: UInt8) -> Event? {
        if parameters.first == 0x3C { return sgrMouse(parameters: parameters.dropFirst(), final: final).map(Event.mouse) }
        let numbers = String(decoding: parameters, as: UTF8.self).split(separator: ";", omittingEmptySubsequences: false)
            .map { Int($0) }
        let first = numbers.first.flatMap { $0 }
        let key: Key?
        switch final {
        case 0x41: key = .up
        case 0x42: key = .down
        case 0x43: key = .right
        case 0x44: key = .left
        case 0x48: key = .home
        case 0x46: key = .end
        // Shift-Tab is `Esc [ Z` (`Esc [ 1 ; 2 Z` with the Shift spelled out); with other
        // modifiers (`Esc [ 1 ; 9 Z`) it is a key the app has no name for.
        case 0x5A where parameters.isEmpty || numbers == [1, 2]: key = .backTab
        case 0x50...0x53 where first == 1 || first == nil: key = .function(Int(final) - 0x4F)
        case 0x7E, 0x24, 0x5E, 0x40:  // ~, and rxvt's $ ^ @
            key = first.flatMap(tildeKey)
        default: key = nil
        }
        return key.map(Event.key)
    }

    /// The VT220 `Esc [ n ~` keys, with the xterm and rxvt numbers for Home and End.
    static func tildeKey(_ number: Int) -> Key? {
        switch number {
        case 1, 7: .home
        case 2: .insert
        case 3: .delete
        case 4, 8: .end
        case 5: .pageUp
        case 6: .pageDown
        case 11...15: .function(number - 10)
        case 17...21: .function(number - 11)
        case 23, 24: .function(number - 12)
        default: nil
        }
    }

    /// `Esc [ < button ; x ; y M` (press) or `m` (release); only presses and the wheel count.
    static func sgrMouse(parameters: ArraySlice<UInt8>, final: UInt8) -> MouseEvent? {
        let numbers = String(decoding: parameters, as: UTF8.self).split(separator: ";").compactMap { Int($0) }
        guard numbers.count == 3, final == 0x4D, numbers[1] >= 1, numbers[2] >= 1 else { return nil }
        let button = numbers[0]
        let x = numbers[1] - 1
        let y = numbers[2] - 1
        if button & 32 != 0 { return nil }  // motion
        switch button & ~(4 | 8 | 16) {  // ignore Shift, Alt, Ctrl
        case 0: return MouseEvent(.click, x: x, y: y)
        case 2: return MouseEvent(.rightClick, x: x, y: y)
        case 64: return MouseEvent(.wheelUp, x: x, y: y)
        case 65: return MouseEvent(.wheelDown, x: x, y: y)
        default: return nil
        }
    }

    /// Where `Esc [ 2 0 1 ~` starts at or after `index`, if it is all there.
    private func pasteEnd(from index: Int) -> Int? {
        let marker: [UInt8] = [0x1B, 0x5B, 0x32, 0x30, 0x31, 0x7E]
        var position = index
        while position + marker.count <= pending.count {
            if pending[position] == 0x1B && pending[position..<position + marker.count].elementsEqual(marker) { return position }
            position += 1
        }
        return nil
    }

    private mutating func appendPaste(_ bytes: ArraySlice<UInt8>) {
        guard var text = pasting else { return }
        text.append(contentsOf: bytes.prefix(max(0, Self.pasteLimit - text.count)))
        pasting = text
    }
}
