import Foundation
import TestSupport
import Testing

@testable import CapscriptIO
@testable import SimCore

func occurrences(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

let blockCharacters = Set("▁▂▃▄▅▆▇█")

@Suite struct ReportCommandLine {
  @Test func runWritesAReportAndPipedOutputStaysPlain() throws {
    let dir = try temporaryFolder("report-e2e")
    defer { removeFolder(dir) }
    let r = try capscript(["run", "bank_run_redemption_spike", "--paths", "400", "--report", dir + "/bank.html"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("roi_mean") && !r.stdout.contains { blockCharacters.contains($0) })
    #expect(r.stderr.contains("report written to \(dir)/bank.html"))
    let html = try String(contentsOfFile: dir + "/bank.html", encoding: .utf8)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(occurrences("<svg ", in: html) == 3)
    #expect(occurrences("<rect class=\"bar\"", in: html) == 80)
    #expect(html.contains("<dd>bank_run_redemption_spike</dd>") && html.contains("<dd>400</dd>"))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: dir) == ["bank.html"], "a temporary file was left behind")
  }

  @Test func sweepReportHasTheFrontierAndTheTopCandidate() throws {
    let dir = try temporaryFolder("report-e2e")
    defer { removeFolder(dir) }
    let r = try capscript([
      // 1000 paths: enough for the 1% liquidation gate to be decided for the low-leverage candidates.
      "run", "leverage_sweep_1x_to_4x", "--paths", "1000", "--out", dir, "--report", dir + "/sweep.html",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let html = try String(contentsOfFile: dir + "/sweep.html", encoding: .utf8)
    #expect(occurrences("<circle class=\"point candidate ", in: html) == 7)
    #expect(occurrences("<rect class=\"region\"", in: html) == 1)
    #expect(html.contains(">leverage=4<") || html.contains(">leverage=4 *<"))
    #expect(occurrences("<svg ", in: html) == 4)
    #expect(html.contains("top deployable"))
  }

  @Test(arguments: [
    ["run", "crash_40pct_external_asset", "--report", "report.txt"],
    ["run", "crash_40pct_external_asset", "--per-path"],
    ["run", "leverage_sweep_1x_to_4x", "--per-path", "--format", "csv", "--paths", "10"],
    ["run", "hub_only_11", "--per-path", "--format", "csv", "--paths", "2", "--epochs", "5"],
  ])
  func misuseExitsWith64(arguments: [String]) throws {
    let r = try capscript(arguments)
    #expect(r.status == 64, "\(r.stderr)")
    #expect(r.stdout.isEmpty)
  }

  @Test func perPathArraysAsCSVAndJSON() throws {
    let csv = try capscript(["run", "crash_40pct_external_asset", "--paths", "50", "--format", "csv", "--per-path"])
    #expect(csv.status == 0, "\(csv.stderr)")
    let lines = csv.stdout.split(separator: "\n")
    #expect(lines.count == 52 && lines[0].hasPrefix("# capscript per-path arrays; scenario=crash_40pct_external_asset"))
    #expect(lines[1].hasPrefix("path,roi,pnl,max_drawdown,liquidated"))
    #expect(
      lines[1].hasSuffix(
        ",bad_debt,twr,nav_max_drawdown,redemptions_paid,liquidation_epoch,first_floor_violation_epoch,shock_epoch_1"))
    let json = try capscript(["run", "crash_40pct_external_asset", "--paths", "50", "--format", "json", "--per-path"])
    guard case .array(let data)? = try JSONText.parse(json.stdout, file: "stdout")["data"] else {
      Issue.record("no data array")
      return
    }
    #expect(data.count == 50)
    // Row 7 of the JSON is row 7 of the CSV.
    #expect(data[7]["roi"] == .number(Double(lines[9].split(separator: ",")[1])!))
    #expect(data[7]["bad_debt"] == .number(Double(lines[9].split(separator: ",")[10])!))
    // The one shock of the scenario, a crash at epoch 30, fires on every path.
    #expect(data[7]["shock_epoch_1"] == .number(30) && lines[9].hasSuffix(",30"))
  }

  @Test(.enabled(if: executable("script") != nil, "needs script(1) for a pseudo-terminal"))
  func aTerminalGetsChartsInTheTableAndInTostring() throws {
    let command = "\(capscriptBinary) run bank_run_redemption_spike --paths 300 --quiet"
    let cli = try runProcess(executable("script")!, ["-qec", command, "/dev/null"])
    #expect(cli.status == 0, "\(cli.output)")
    #expect(cli.output.contains("PnL distribution (USD, 40 bins"))
    #expect(cli.output.contains("  p50 "))
    #expect(cli.output.contains { blockCharacters.contains($0) })
    let dir = try temporaryFolder("report-e2e")
    defer { removeFolder(dir) }
    let script = dir + "/print.lua"
    try "print(cap.run(cap.scenario('crash_40pct_external_asset'):with{paths = 100}))\n"
      .write(toFile: script, atomically: true, encoding: .utf8)
    let tty = try runProcess(executable("script")!, ["-qec", "\(capscriptBinary) \(script)", "/dev/null"])
    #expect(tty.output.contains("PnL distribution") && tty.output.contains("█"), "\(tty.output)")
    let piped = try capscript([script])
    #expect(piped.status == 0 && piped.stdout.contains("roi_mean") && !piped.stdout.contains("PnL distribution"))
  }

  @Test func exportIsOpenMetricsWithAlertRules() throws {
    let dir = try temporaryFolder("report-e2e")
    defer { removeFolder(dir) }
    let r = try capscript([
      "export", "bank_run_redemption_spike", "hub_only_11", "--paths", "20", "--epochs", "90", "--alert-rules",
      dir + "/rules.yml",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.hasSuffix("# EOF\n"))
    for line in r.stdout.split(separator: "\n") {
      #expect(
        line.hasPrefix("capscript_") || line.hasPrefix("# TYPE capscript_") || line.hasPrefix("# HELP capscript_")
          || line.hasPrefix("# UNIT capscript_") || line == "# EOF")
    }
    #expect(r.stdout.contains("capscript_roi_ratio{scenario=\"bank_run_redemption_spike\",statistic=\"p95\"}"))
    #expect(r.stdout.contains("capscript_pmm_worst_pool_intervention_cost_usd{scenario=\"hub_only_11\",pool=\""))
    let rules = try String(contentsOfFile: dir + "/rules.yml", encoding: .utf8)
    // The gate fails on the lower bound of the interval, which the export writes beside the point.
    #expect(rules.contains("expr: \"capscript_liquidation_probability_lower_ratio > 0.01\""))
    #expect(r.stdout.contains("capscript_liquidation_probability_lower_ratio{scenario=\"bank_run_redemption_spike\"}"))
    if let promtool = executable("promtool") {
      let metrics = try runProcess(promtool, ["check", "metrics"], input: r.stdout)
      #expect(metrics.status == 0 && metrics.output.isEmpty, "\(metrics.output)")
      let check = try runProcess(promtool, ["check", "rules", dir + "/rules.yml"])
      #expect(check.status == 0, "\(check.output)")
    }
  }
}

/// Decodes an 8-bit RGB(A) PNG with the Python standard library (zlib) and
/// prints the number of distinct colours, then the pixel count of each colour
/// given in hex. Up rows (most of a screenshot) are added as whole-row integers,
/// so one image takes about a second of CPU instead of several.
let pngColourCounter = """
  import sys, zlib, struct
  from collections import Counter
  data = open(sys.argv[1], 'rb').read()
  assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n', 'not a PNG'
  pos, idat, hdr = 8, b'', None
  while pos < len(data):
      n, kind = struct.unpack('>I4s', data[pos:pos + 8])
      if kind == b'IHDR': hdr = struct.unpack('>IIBBBBB', data[pos + 8:pos + 8 + n])
      elif kind == b'IDAT': idat += data[pos + 8:pos + 8 + n]
      pos += 12 + n
  w, h, depth, ctype, _, _, interlace = hdr
  assert depth == 8 and ctype in (2, 6) and interlace == 0, hdr
  bpp = 3 if ctype == 2 else 4
  raw, stride = zlib.decompress(idat), w * bpp
  # The Up filter adds the row above byte by byte, mod 256: done on whole rows as big integers
  # (the low 7 bits of each byte added, the top bit as the xor of the operands' top bits and that carry).
  low, high = int.from_bytes(bytes([127]) * stride, 'big'), int.from_bytes(bytes([128]) * stride, 'big')
  def up(x, y):
      a, b = int.from_bytes(x, 'big'), int.from_bytes(y, 'big')
      return (((a & low) + (b & low)) ^ ((a ^ b) & high)).to_bytes(stride, 'big')
  image, prev, i = bytearray(), bytes(stride), 0
  for y in range(h):
      f = raw[i]; line = raw[i + 1:i + 1 + stride]; i += 1 + stride
      if f == 2: line = up(line, prev)
      elif f != 0:
          # Sub, Average, Paeth: left to right; left of the first pixel counts as 0 (Paeth then picks b).
          line = bytearray(line)
          for x in range(bpp): line[x] = (line[x] + (0 if f == 1 else prev[x] >> 1 if f == 3 else prev[x])) & 255
          if f == 1:
              for x in range(bpp, stride): line[x] = (line[x] + line[x - bpp]) & 255
          elif f == 3:
              for x in range(bpp, stride): line[x] = (line[x] + ((line[x - bpp] + prev[x]) >> 1)) & 255
          else:
              for x in range(bpp, stride):
                  a, b, c = line[x - bpp], prev[x], prev[x - bpp]
                  pa, pb = b - c, a - c
                  pc = abs(pa + pb); pa = abs(pa); pb = abs(pb)
                  line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
      image += line
      prev = line
  colours = Counter(zip(image[0::bpp], image[1::bpp], image[2::bpp]))
  print(len(colours), *[colours.get(tuple(bytes.fromhex(c)), 0) for c in sys.argv[2:]])
  """

@Suite struct ReportRendering {
  /// The command that renders `html` headless to a 1200x2000 PNG.
  func render(_ html: String, to png: String, in dir: String) -> (path: String, arguments: [String]) {
    let arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
      "--user-data-dir=\(dir)/profile-\(UUID().uuidString)",
      "--screenshot=\(png)", "--window-size=1200,2000", "file://\(html)",
    ]
    let chromium = executable("chromium")!
    guard let timeout = executable("timeout") else { return (chromium, arguments) }
    return (timeout, ["120", chromium] + arguments)
  }

  @Test(.enabled(if: executable("chromium") != nil, "needs chromium for headless rendering"))
  func headlessChromiumShowsEveryChart() throws {
    let dir = try temporaryFolder("report-e2e")
    defer { removeFolder(dir) }
    let bank = try capscript([
      "run", "bank_run_redemption_spike", "--paths", "1000", "--report", dir + "/bank.html", "--quiet",
    ])
    #expect(bank.status == 0, "\(bank.stderr)")
    let sweep = try capscript([
      "run", "leverage_sweep_1x_to_4x", "--paths", "400", "--out", dir, "--report", dir + "/sweep.html", "--quiet",
    ])
    #expect(sweep.status == 0, "\(sweep.stderr)")
    try "<!DOCTYPE html><html><body></body></html>".write(
      toFile: dir + "/blank.html", atomically: true, encoding: .utf8)
    // The three renders at once, and below the three decodes: each is one process, mostly on one core.
    let renders = ["bank", "sweep", "blank"].map { render(dir + "/\($0).html", to: dir + "/\($0).png", in: dir) }
    for r in try runProcesses(renders) { #expect(r.status == 0, "\(r.output)") }
    let blank = try Data(contentsOf: URL(fileURLWithPath: dir + "/blank.png"))
    for name in ["bank", "sweep"] {
      let png = try Data(contentsOf: URL(fileURLWithPath: dir + "/\(name).png"))
      #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
      #expect(png != blank && png.count > blank.count * 4, "\(name).png looks blank")
    }
    guard let python = executable("python3") else { return }
    // Pixels of the chart colours: PnL bars, drawdown bars, the fan's median;
    // in the sweep also the deployable and above-the-gate candidates.
    let decoded = try runProcesses([
      (python, ["-c", pngColourCounter, dir + "/bank.png", "3b6fb6", "b5523b", "0f2f5c"]),
      (python, ["-c", pngColourCounter, dir + "/sweep.png", "2e9e5b", "c0392b", "3b6fb6"]),
      (python, ["-c", pngColourCounter, dir + "/blank.png"]),
    ])
    let b = decoded[0]
    let bankCounts = b.output.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
    #expect(bankCounts.count == 4, "\(b.output)")
    if bankCounts.count == 4 {
      #expect(bankCounts[0] > 100, "only \(bankCounts[0]) colours")
      #expect(bankCounts[1] > 5000 && bankCounts[2] > 2000 && bankCounts[3] > 300, "\(bankCounts)")
    }
    let s = decoded[1]
    let sweepCounts = s.output.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
    #expect(sweepCounts.count == 4, "\(s.output)")
    if sweepCounts.count == 4 {
      #expect(sweepCounts[1] > 50 && sweepCounts[2] > 150 && sweepCounts[3] > 2000, "\(sweepCounts)")
    }
    let blankCounts = decoded[2].output
    #expect(blankCounts.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
  }
}
