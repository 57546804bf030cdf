extension ConfigReader {
  /// Reads a PMM curve parameter `k`: 0 (a flat pool), or in
  /// [`PMMPool.minimumK`, 1]; anything else is a clear error naming the field.
  func curveK(_ key: String, default value: Double) throws(ConfigError) -> Double {
    let k = try number(key, default: value, in: 0...1)
    guard PMMPool.isValidK(k) else {
      throw ConfigError(
        .outOfRange, file: file, field: fieldName(key),
        "\(Self.numberText(k)) is outside the allowed range \(PMMPool.kRangeDescription): below \(Self.numberText(PMMPool.minimumK)) the curve's k terms round away (use 0 for a flat pool)"
      )
    }
    return k
  }
}
