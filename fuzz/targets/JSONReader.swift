import SimCore

/// libFuzzer target: the JSON reader (`JSONText.parse`) on any bytes, and the
/// writers on what it reads. A malformed input must be a `ConfigError`, never
/// a trap or a read out of bounds (the build adds AddressSanitizer).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  guard let value = try? JSONText.parse(text, file: "fuzz") else { return 0 }
  _ = JSONText.canonical(value)
  _ = JSONText.pretty(value)
  return 0
}
