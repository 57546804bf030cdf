import ArgumentParser
import CapscriptIO
import Foundation

extension Capscript {
  /// Which config folder commands run here use, by which rule, and where `require` looks.
  struct ConfigPath: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "config-path",
      abstract: "Print the config folder capscript uses here, the rule that chose it, and where require looks.",
      discussion: """
        The rules, in order: 1. --config DIR; 2. $CAPSCRIPT_CONFIG; 3. ./config when it holds \
        capital-efficiency-policy.json; 4. the installed configs (PREFIX/share/capscript/config beside \
        PREFIX/bin/capscript); 5. the checkout's config/ when the binary runs from a checkout's build folder. \
        The first line is the folder alone (absolute), for scripts. Exits 65, printing every rule tried, when \
        none finds a folder.
        """)

    @OptionGroup var configFolder: ConfigFolder
    @Option(name: .customLong("lib"), help: "A folder of Lua modules, as for a script (repeatable).")
    var libraries: [String] = []

    func run() throws {
      let search = configFolder.search
      let location = try search.resolve()
      let steps = search.steps()
      print(Self.absolute(location.directory))
      let chosen = steps.first { $0.rule == location.rule }
      print("chosen by rule \(location.rule.rawValue), \(location.rule.name): \(chosen?.note ?? "")")
      print("rules, in order:")
      let width = ConfigSearch.Rule.allCases.map(\.name.count).max() ?? 0
      for step in steps {
        let mark = step.rule == location.rule ? "*" : " "
        let name = step.rule.name.padding(toLength: width, withPad: " ", startingAt: 0)
        let seen = step.directory.map { "\($0): \(step.note)" } ?? step.note
        print("\(mark) \(step.rule.rawValue). \(name)  \(seen)")
      }
      print("Lua modules (require), in order:")
      for path in LibraryPaths.forScripts(extra: libraries) {
        var isFolder: ObjCBool = false
        let present = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
        print("  \(Self.absolute(path))\(present ? "" : " (absent)")")
      }
      // A folder named by --config or CAPSCRIPT_CONFIG is used as given: say so when it cannot be read.
      _ = try search.library()
    }

    /// `path` made absolute from the working directory.
    static func absolute(_ path: String) -> String {
      URL(fileURLWithPath: path).standardized.path
    }
  }
}
