/// Facts about the `cap` module for the CLI.
public enum CapModuleInfo {
  public static var version: String { CapModule.version }
}
