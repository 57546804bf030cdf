public import ArgumentParser
public import CapscriptIO

/// `--format` takes a `ResultFormat` by its name: table, json, csv or markdown.
extension ResultFormat: ExpressibleByArgument {}
