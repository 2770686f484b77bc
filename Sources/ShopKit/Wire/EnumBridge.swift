/// Converts between a public enum and its generated twin. Both come from the same contract
/// enum, so the raw values match; a mismatch is a bug in ShopKit, caught by the tests.
func bridge<Target: RawRepresentable, Source: RawRepresentable>(_ source: Source) -> Target
where Target.RawValue == String, Source.RawValue == String {
    guard let target = Target(rawValue: source.rawValue) else {
        preconditionFailure("\(Target.self) has no case for \"\(source.rawValue)\"")
    }
    return target
}
