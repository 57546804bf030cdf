import ScriptHost

Capscript.run(ScriptInvocation.rewrite(Array(CommandLine.arguments.dropFirst())))
