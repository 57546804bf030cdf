import Foundation
public import SimCore

/// Which config folder a command uses, and by which rule. The rules, in order:
///
/// 1. `--config DIR`;
/// 2. the environment variable `CAPSCRIPT_CONFIG`;
/// 3. `./config`, when the working directory holds `config/capital-efficiency-policy.json`;
/// 4. the installed configs, `PREFIX/share/capscript/config` beside `PREFIX/bin/capscript`;
/// 5. the checkout's `config/`, when the binary runs from a checkout's build folder.
///
/// The first two are explicit: the folder they name is used as given, and a
/// fault in it is an error (never a silent fall-through to the next rule).
public struct ConfigSearch: Sendable {
  /// One rule of the search.
  public enum Rule: Int, Sendable, CaseIterable {
    case option = 1
    case environment, workingDirectory, installed, repository

    /// How the rule is written in messages and in `capscript config-path`.
    public var name: String {
      switch self {
      case .option: return "--config DIR"
      case .environment: return ConfigSearch.environmentVariable
      case .workingDirectory: return "./config"
      case .installed: return "installed"
      case .repository: return "repository"
      }
    }
  }

  /// The folder a search settled on.
  public struct Location: Sendable, Equatable {
    /// The config folder, as given for rules 1 and 2, `config` for rule 3, absolute for 4 and 5.
    public let directory: String
    public let rule: Rule
  }

  /// What one rule saw: the folder it names (if any), whether it applies, and why.
  public struct Step: Sendable, Equatable {
    public let rule: Rule
    public let directory: String?
    public let applies: Bool
    public let note: String
  }

  /// The environment variable of rule 2.
  public static let environmentVariable = "CAPSCRIPT_CONFIG"

  /// `--config DIR`, when given.
  public var option: String?
  /// The value of `CAPSCRIPT_CONFIG`, when set and not empty.
  public var environment: String?
  /// The folder rule 3 looks in; nil is the process's working directory (and the folder is then `config`).
  public var workingDirectory: String?
  /// The installed share folder or the checkout the binary runs from.
  public var share: ShareFolder?

  /// The search of this process: `option`, `CAPSCRIPT_CONFIG` from `environment` (nil: the process's), the
  /// working directory and the executable's share folder.
  public init(
    option: String? = nil, environment: [String: String]? = nil, workingDirectory: String? = nil,
    share: ShareFolder? = ShareFolder.current
  ) {
    self.option = option
    let variables = environment ?? ProcessInfo.processInfo.environment
    self.environment = variables[Self.environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
    self.workingDirectory = workingDirectory
    self.share = share
  }

  /// A search that ends at `directory` (what `--config DIR` gives).
  public static func folder(_ directory: String) -> ConfigSearch {
    ConfigSearch(option: directory, environment: [:], share: nil)
  }

  /// The folder of rule 3: `config` in the working directory.
  var workingConfig: String { workingDirectory.map { $0 + "/config" } ?? "config" }

  /// Every rule in order with what it saw; the first that applies is the one used.
  public func steps() -> [Step] {
    let cwd = workingDirectory ?? FileManager.default.currentDirectoryPath
    let exe = ShareFolder.executablePath ?? "the executable"
    var isFolder: ObjCBool = false
    let hasFolder = FileManager.default.fileExists(atPath: workingConfig, isDirectory: &isFolder) && isFolder.boolValue
    let holds = ShareFolder.holdsPolicy(workingConfig)
    let installed = share?.kind == .installed ? share : nil
    let repository = share?.kind == .repository ? share : nil
    /// The note of an explicit rule: used as given, whether or not the folder holds a policy.
    func explicit(_ directory: String?, absent: String) -> String {
      guard let directory else { return absent }
      return ShareFolder.holdsPolicy(directory)
        ? "holds \(ConfigLibrary.policyFile)"
        : "holds no \(ConfigLibrary.policyFile): used as given, and reading it fails"
    }
    return [
      Step(rule: .option, directory: option, applies: option != nil, note: explicit(option, absent: "not given")),
      Step(
        rule: .environment, directory: environment, applies: environment != nil,
        note: explicit(environment, absent: "not set")),
      Step(
        rule: .workingDirectory, directory: cwd + "/config", applies: holds,
        note: holds
          ? "holds \(ConfigLibrary.policyFile)"
          : hasFolder ? "has no \(ConfigLibrary.policyFile), skipped" : "no config folder in \(cwd)"),
      Step(
        rule: .installed, directory: installed?.configDirectory, applies: installed != nil,
        note: installed != nil ? "beside \(exe)" : "no share/capscript/config beside \(exe)"),
      Step(
        rule: .repository, directory: repository?.configDirectory, applies: repository != nil,
        note: repository != nil
          ? "the checkout whose build folder holds \(exe)" : "\(exe) is not in a capscript checkout"),
    ]
  }

  /// The folder the first applicable rule names.
  /// - Throws: `ConfigError` (`notFound`) naming every rule tried when none applies.
  public func resolve() throws(ConfigError) -> Location {
    let all = steps()
    guard let step = all.first(where: \.applies) else {
      let tried = all.map { "\($0.rule.rawValue). \($0.rule.name): \($0.note)" }.joined(separator: "; ")
      throw ConfigError(
        .notFound, file: "config folder", field: nil,
        "none found; tried \(tried). Give --config DIR, set \(Self.environmentVariable), run where ./config is, or install capscript (./install.sh, docs/INSTALL.md)"
      )
    }
    let directory = step.rule == .workingDirectory ? workingConfig : step.directory ?? workingConfig
    return Location(directory: directory, rule: step.rule)
  }

  /// The config library of the resolved folder. A folder named by `--config` or
  /// `CAPSCRIPT_CONFIG` that has no policy file is an error naming that file and the rule.
  public func library() throws(ConfigError) -> ConfigLibrary {
    let location = try resolve()
    do {
      return try ConfigLibrary(directory: location.directory)
    } catch  where error.code == .notFound && error.field == nil {
      throw ConfigError(
        .notFound, file: error.file, field: nil,
        "\(error.message) (the config folder given by \(location.rule.name); `capscript config-path` shows the search)")
    }
  }
}
