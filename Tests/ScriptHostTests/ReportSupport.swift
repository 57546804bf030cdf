import Foundation
import TestSupport
import Testing

@testable import CapscriptIO
@testable import LuaHost
@testable import ScriptHost
@testable import SimCore

/// A strict reader of the report's markup: every tag closed in order, every
/// attribute quoted, `&` only in the five XML entities. It keeps each element
/// with its attributes, its text and the class of the `<svg>` it sits in.
struct Markup {
  struct Element {
    var name: String
    var attributes: [String: String]
    /// The class of the nearest enclosing `<svg>` ("" outside charts).
    var svgClass: String
    var text = ""
    var classes: Set<String> { Set((attributes["class"] ?? "").split(separator: " ").map(String.init)) }
  }

  struct Malformed: Error, CustomStringConvertible {
    let description: String
  }

  var elements: [Element] = []

  init(_ source: String) throws {
    var s = Substring(source)
    var stack: [(name: String, index: Int)] = []
    let entities = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
    func checkText(_ t: Substring) throws {
      var rest = t
      while let amp = rest.firstIndex(of: "&") {
        let tail = rest[amp...]
        guard entities.contains(where: { tail.hasPrefix($0) }) else {
          throw Malformed(description: "bare & in text near \(tail.prefix(20))")
        }
        rest = rest[rest.index(after: amp)...]
      }
      if t.contains(">") { throw Malformed(description: "bare > in text near \(t.prefix(30))") }
    }
    while let open = s.firstIndex(of: "<") {
      let text = s[..<open]
      try checkText(text)
      if let top = stack.last { elements[top.index].text += text }
      guard let close = s[open...].firstIndex(of: ">") else { throw Malformed(description: "unclosed tag") }
      var tag = s[s.index(after: open)..<close]
      s = s[s.index(after: close)...]
      if tag.hasPrefix("!DOCTYPE") || tag.hasPrefix("!--") { continue }
      if tag.hasPrefix("/") {
        let name = String(tag.dropFirst())
        guard let top = stack.popLast(), top.name == name else {
          throw Malformed(description: "</\(name)> closes \(stack.last?.name ?? "nothing")")
        }
        continue
      }
      let selfClosing = tag.hasSuffix("/")
      if selfClosing { tag = tag.dropLast() }
      let name = String(tag.prefix { !$0.isWhitespace })
      var attributes: [String: String] = [:]
      var rest = tag.dropFirst(name.count).drop { $0.isWhitespace }
      while !rest.isEmpty {
        guard let eq = rest.firstIndex(of: "=") else {
          throw Malformed(description: "attribute without value in <\(name)>")
        }
        let key = String(rest[..<eq])
        let afterEq = rest[rest.index(after: eq)...]
        guard afterEq.first == "\"", let end = afterEq.dropFirst().firstIndex(of: "\"") else {
          throw Malformed(description: "unquoted attribute \(key) in <\(name)>")
        }
        let value = afterEq[afterEq.index(after: afterEq.startIndex)..<end]
        try checkText(value)
        attributes[key] = String(value)
        rest = afterEq[afterEq.index(after: end)...].drop { $0.isWhitespace }
      }
      let enclosing = stack.last { $0.name == "svg" }.map { elements[$0.index].attributes["class"] ?? "" } ?? ""
      elements.append(
        Element(name: name, attributes: attributes, svgClass: name == "svg" ? attributes["class"] ?? "" : enclosing))
      let voidElement = ["meta", "br", "img", "link", "input"].contains(name)
      if !selfClosing && !voidElement { stack.append((name, elements.count - 1)) }
    }
    try checkText(s)
    guard stack.isEmpty else {
      throw Malformed(description: "unclosed <\(stack.map(\.name).joined(separator: "> <"))>")
    }
  }

  /// Elements named `name` with every class in `classes`, inside an `<svg>` whose class contains `svg` (if given).
  func all(_ name: String, _ classes: String = "", inSVG svg: String? = nil) -> [Element] {
    let want = Set(classes.split(separator: " ").map(String.init))
    return elements.filter { e in
      e.name == name && want.isSubset(of: e.classes)
        && (svg.map { e.svgClass.split(separator: " ").contains(Substring($0)) } ?? true)
    }
  }

  func number(_ e: Element, _ attribute: String) -> Double { Double(e.attributes[attribute] ?? "") ?? .nan }
}

/// Runs a shipped scenario with the given overrides, keeping bands over `bands` paths.
func runScenario(_ name: String, _ overrides: [(key: String, value: ConfigValue)], bands: Int = 0) throws -> RunResult {
  let library = try ConfigLibrary(directory: packageRoot + "/config")
  let s = try library.scenario(name).with(overrides, origin: "test")
  var options = RunOptions(threads: 2)
  options.bandPaths = bands
  return try Runner.run(s, options: options)
}
