import ScriptHost

Capscript.main(ScriptInvocation.rewrite(Array(CommandLine.arguments.dropFirst())))
