public import ArgumentParser
public import ScriptHost

/// `--format` takes a `ResultFormat` by its name: table, json, csv or markdown.
extension ResultFormat: ExpressibleByArgument {}
