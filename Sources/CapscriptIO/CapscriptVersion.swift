/// The version of capscript (the tool and its `cap` module), beside the model's
/// own `Scorecard.modelVersion`.
public enum CapscriptVersion {
  public static let version = "0.1.0"
}
