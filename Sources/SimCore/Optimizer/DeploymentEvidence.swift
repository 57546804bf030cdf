/// What config/deployment-evidence.json records about deployment readiness
/// (MODEL.md section 7). Simulator output is evidence, never authority.
public struct DeploymentEvidence: Sendable, Equatable {
  public var auditEngaged = false
  public var auditFirm = ""
  public var governanceApproved = false
  public var governanceReference = ""
  public var riskDashboardsLive = false
  public var alertingLive = false
  /// Runbook name -> covered.
  public var runbooks: [String: Bool] = [:]
  /// Treasury and liquidity commitments: name -> committed.
  public var commitments: [String: Bool] = [:]

  public static let requiredRunbooks = [
    "deleverage", "circuitBreaker", "redemptionThrottle", "treasuryLiquidityDeployment",
  ]

  public init() {}

  public init(_ value: ConfigValue, file: String) throws(ConfigError) {
    let r = try ConfigReader(value, file: file)
    _ = try r.string("description", default: "")
    let audit = try r.child("auditEngagement")
    auditEngaged = try audit.bool("engaged", default: false)
    auditFirm = try audit.string("firm", default: "")
    _ = try audit.string("scope", default: "")
    try audit.finish()
    let gov = try r.child("governanceApproval")
    governanceApproved = try gov.bool("approved", default: false)
    governanceReference = try gov.string("reference", default: "")
    try gov.finish()
    riskDashboardsLive = try r.bool("riskDashboardsLive", default: false)
    alertingLive = try r.bool("alertingLive", default: false)
    let books = try r.child("runbooks")
    for name in Self.requiredRunbooks { runbooks[name] = try books.bool(name, default: false) }
    try books.finish()
    if case .object(let fields)? = r.raw("treasuryCommitments") {
      for (name, v) in fields {
        guard case .bool(let b) = v else {
          throw ConfigError(
            .wrongType, file: file, field: "treasuryCommitments.\(name)",
            "expected true or false, got \(v.typeNameWithArticle)")
        }
        commitments[name] = b
      }
    }
    try r.finish()
  }

  /// Whether both an audit engagement and a governance approval are recorded,
  /// which lifts the deployable leverage cap to the top of the target band.
  public var unlocksTargetLeverage: Bool { auditEngaged && governanceApproved }

  /// The highest leverage a candidate may have and still be deployable.
  public func deployableLeverageCap(_ policy: Policy) -> Double {
    unlocksTargetLeverage ? policy.targetLeverageMax : policy.deployableLeverageCap
  }

  /// Everything that still blocks deployment, in a fixed order.
  public var blockers: [String] {
    var out: [String] = []
    if !auditEngaged { out.append("no audit engagement recorded (auditEngagement.engaged)") }
    if !governanceApproved { out.append("no governance approval recorded (governanceApproval.approved)") }
    if !riskDashboardsLive { out.append("risk dashboards are not live (riskDashboardsLive)") }
    if !alertingLive { out.append("alerting is not live (alertingLive)") }
    for name in Self.requiredRunbooks where runbooks[name] != true {
      out.append("runbook missing: \(name) (runbooks.\(name))")
    }
    if commitments.isEmpty { out.append("no treasury/liquidity commitments recorded (treasuryCommitments)") }
    for name in commitments.keys.sorted() where commitments[name] != true {
      out.append("treasury commitment not made: \(name) (treasuryCommitments.\(name))")
    }
    return out
  }
}
