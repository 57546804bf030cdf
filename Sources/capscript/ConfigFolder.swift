import ArgumentParser
import CapscriptIO
import SimCore

/// `--config`, the folder of the policy, the evidence and the scenarios. Without
/// it the folder is searched for (`ConfigSearch`): `CAPSCRIPT_CONFIG`, then
/// `./config`, then the installed configs or the checkout's.
struct ConfigFolder: ParsableArguments {
  @Option(
    name: .customLong("config"),
    help: ArgumentHelp(
      "Config folder.",
      discussion: "Default: $CAPSCRIPT_CONFIG, else ./config, else the installed configs (capscript config-path)."))
  var option: String?

  /// The search these options ask for.
  var search: ConfigSearch { ConfigSearch(option: option) }

  /// The folder the search settles on, or `config` when none is found (reading
  /// it then fails with a message naming the file).
  var config: String { (try? search.resolve().directory) ?? "config" }

  /// The library of that folder.
  /// - Throws: `ConfigError` naming the rules tried when no folder is found.
  func library() throws(ConfigError) -> ConfigLibrary { try search.library() }
}
