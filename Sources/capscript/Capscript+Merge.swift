import ArgumentParser
import CapscriptIO
import Foundation
import SimCore

extension Capscript {
  struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Join the shard files of one run (capscript run NAME --shard K/N) into its scorecard.",
      discussion: """
        The shards must belong to one run and cover its paths exactly once; the scorecard is the one a
        single process prints for the same run, byte for byte (docs/SHARDS.md). The scenario is loaded
        again from the config folder, as the shards were run, and must hash as it did then.
        """)

    @Argument(help: "Shard files, or folders whose *.capshard files are read.") var shards: [String]
    @Option(help: "Output format: table, json, csv or markdown.") var format: ResultFormat = .table
    @Option(help: "Folder for outputs: the scorecard as SCENARIO.json, as capscript run --out writes it.")
    var out: String?
    @OptionGroup var configFolder: ConfigFolder
    @Flag(help: "Print nothing but errors and the requested output.") var quiet = false

    func validate() throws {
      if shards.isEmpty { throw ValidationError("give the shard files or the folders that hold them") }
    }

    func run() throws {
      if let out { try OutputFolder.check(out) }
      let set = try ShardSet(paths: shards)
      let header = set.header
      let scenario = try Self.scenario(of: header, library: configFolder.library(), file: set.shards[0].path)
      let result = try set.result(scenario: scenario)
      print(format.render(result), terminator: "")
      if let out {
        try OutputFile.write(ResultFormat.json.render(result), to: "\(out)/\(scenario.name).json")
      }
      if !quiet {
        Capscript.note("merged \(set.shards.count) shard(s): \(header.runText)")
      }
    }

    /// The scenario of the shards' run, loaded as `capscript run` loaded it:
    /// the header's source and overrides, with its `--confidence`.
    /// - Throws: when the scenario or policy no longer hashes as the shards say.
    static func scenario(of header: ShardHeader, library: ConfigLibrary, file: String) throws -> Scenario {
      var library = library
      if let confidence = header.confidence {
        library = try library.settingGateConfidence(confidence, origin: "--confidence")
      }
      var s = try library.scenario(header.source)
      if !header.overrides.isEmpty { s = try s.with(header.overrides, origin: "command line") }
      guard s.contentHash == header.scenarioHash, s.policy.contentHash == header.policyHash else {
        throw ValidationError(
          "\(file): the shards were run on scenario \(header.scenario) hashing \(header.scenarioHash) (policy "
            + "\(header.policyHash)), but \(header.source) in \(library.directory) now hashes \(s.contentHash) "
            + "(policy \(s.policy.contentHash)); merge with the config folder the shards were run with (--config)")
      }
      return s
    }
  }
}
