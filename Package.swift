// swift-tools-version:6.0
import PackageDescription

let settings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
  name: "capscript",
  products: [
    .executable(name: "capscript", targets: ["capscript"]),
    .library(name: "SimCore", targets: ["SimCore"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    .systemLibrary(
      name: "CLua", pkgConfig: "lua5.4 lua-5.4 lua",
      providers: [.apt(["liblua5.4-dev"])]),
    .systemLibrary(name: "CEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
    .target(name: "SimCore", swiftSettings: settings),
    .target(name: "CapscriptIO", dependencies: ["SimCore"], swiftSettings: settings),
    // The Lua host: the only target that imports CLua (state, typed stack layer, boxed objects, limits).
    .target(name: "LuaHost", dependencies: ["SimCore", "CapscriptIO", "CLua"], swiftSettings: settings),
    // The `cap` bindings and the one API table.
    .target(name: "ScriptHost", dependencies: ["LuaHost", "SimCore", "CapscriptIO"], swiftSettings: settings),
    // The REPL engine and its terminal loop (libedit).
    .target(
      name: "CapscriptREPL", dependencies: ["ScriptHost", "LuaHost", "CEdit", "CapscriptIO", "SimCore"],
      swiftSettings: settings),
    .executableTarget(
      name: "capscript",
      dependencies: [
        "ScriptHost", "CapscriptREPL", "LuaHost", "CapscriptIO", "SimCore",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: settings),
    // Helpers every test target shares: package root, process runner, temporary folders, snapshots.
    .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: settings),
    .testTarget(
      name: "SimCoreTests", dependencies: ["SimCore", "CapscriptIO", "TestSupport"],
      resources: [.copy("Fixtures")], swiftSettings: settings),
    .testTarget(
      name: "ScriptHostTests",
      dependencies: ["ScriptHost", "CapscriptREPL", "LuaHost", "CapscriptIO", "SimCore", "TestSupport"],
      resources: [.copy("Fixtures")], swiftSettings: settings),
    .testTarget(
      name: "CapscriptEndToEndTests", dependencies: ["SimCore", "CapscriptIO", "TestSupport", "capscript"],
      exclude: ["Snapshots"],
      swiftSettings: settings),
  ]
)
