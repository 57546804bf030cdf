import Testing

@testable import SimCore

/// Names and values repeated in messages: control characters escaped, long
/// names cut, and the did-you-mean search bounded by length.
@Suite struct EchoTests {
  @Test func controlCharactersAreEscaped() {
    #expect(Echo.name("a\nb\tc\u{1b}[31m\u{7f}") == "a\\nb\\tc\\u{1b}[31m\\u{7f}")
    #expect(Echo.escapingControls("plain — text") == "plain — text")
  }

  @Test func longNamesAreCut() {
    let long = String(repeating: "x", count: 200)
    #expect(Echo.name(long) == String(repeating: "x", count: Echo.nameLimit) + "…")
    #expect(Echo.name(String(repeating: "y", count: Echo.nameLimit)) == String(repeating: "y", count: Echo.nameLimit))
    #expect(Echo.field("a." + long + ".b") == "a." + Echo.name(long) + ".b")
  }

  @Test func unknownFieldMessageIsShortAndEscaped() throws {
    let name = "lev\u{1b}[2J" + String(repeating: "z", count: 2_000_000)
    let tree: ConfigValue = .object([
      "name": .string("x"), "capitalEfficiency": .object([name: .number(1)]),
    ])
    do {
      _ = try Scenario(tree, file: "test", policy: Policy())
      Issue.record("an unknown field was accepted")
    } catch {
      let text = error.description
      #expect(text.count < 300, "the message repeats the whole name: \(text.count) characters")
      #expect(text.contains("capitalEfficiency.lev\\u{1b}[2Jzzz"))
      #expect(text.contains("…: unknown field"))
      #expect(!text.contains("\u{1b}"))
    }
  }

  @Test func jsonErrorsEscapeWhatTheyQuote() {
    do {
      _ = try JSONText.parse("{\"a\": \u{1b}}", file: "f.json")
      Issue.record("bad JSON parsed")
    } catch {
      #expect(error.description.contains("unexpected character '\\u{1b}'"))
      #expect(!error.description.contains("\u{1b}"))
    }
  }

  @Test func nearestStillSuggestsCloseNames() {
    #expect(ConfigReader.nearest(to: "leverag", in: ["allocation", "leverage"]) == "leverage")
    #expect(ConfigReader.nearest(to: "LEVERAGE", in: ["allocation", "leverage"]) == "leverage")
    #expect(ConfigReader.nearest(to: "xyz", in: ["allocation", "leverage"]) == nil)
  }

  @Test func nearestSkipsHugeNames() {
    let huge = String(repeating: "leverage", count: 250_000)
    #expect(ConfigReader.nearest(to: huge, in: ["leverage", String(repeating: "leverage", count: 250_000)]) == nil)
    let near = String(repeating: "a", count: ConfigReader.suggestionLimit)
    #expect(ConfigReader.nearest(to: near + "b", in: [near]) == nil)
    #expect(ConfigReader.nearest(to: String(near.dropLast()) + "b", in: [near]) == near)
  }
}
