import ArgumentParser
import CapscriptIO
import Foundation
import SimCore

/// Maps errors to the documented exit codes, once, for every subcommand:
/// 0 success, 1 a script error or a failed gate, 64 bad usage, 65 a config
/// that does not validate.
enum Failure {
  /// The error ArgumentParser should end the process with. Its own errors
  /// (usage, help, an explicit exit code) pass through; any other is printed
  /// on stderr as "capscript: ..." and becomes 65 for a config error, else 1.
  static func exitError(for error: any Error) -> any Error {
    switch error {
    case is ExitCode, is ValidationError, is CleanExit: return error
    default:
      Capscript.note("\(error)")
      return error is ConfigError ? ExitCode(65) : ExitCode.failure
    }
  }
}

extension Capscript {
  /// Writes "capscript: TEXT" on stderr: notes and error messages alike.
  static func note(_ text: String) {
    FileHandle.standardError.write(Data("capscript: \(text)\n".utf8))
  }

  /// Parses `arguments`, runs the chosen subcommand and ends the process with
  /// the code `Failure` maps a subcommand's error to: the one place errors
  /// become exit codes. ArgumentParser's own commands (help) keep its codes.
  static func run(_ arguments: [String]) {
    do {
      var command = try parseAsRoot(arguments)
      let kind = ObjectIdentifier(type(of: command))
      let isSubcommand = configuration.subcommands.contains { ObjectIdentifier($0) == kind }
      do {
        try command.run()
      } catch {
        throw isSubcommand ? Failure.exitError(for: error) : error
      }
    } catch {
      exit(withError: error)
    }
  }
}
