import ScriptHost

var arguments = Array(CommandLine.arguments.dropFirst())
if let first = arguments.first, first.hasSuffix(".lua") {
  arguments.insert("script", at: 0)
}
Capscript.main(arguments)
