#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/targets into .build-fuzz/ with swiftc:
# SimCore once as a static library instrumented for libFuzzer and
# AddressSanitizer, then one executable per target (fuzz-JSONReader,
# fuzz-ScenarioDecoder). Usage: fuzz/build.sh [-Onone|-O] (default -O).
set -euo pipefail
cd "$(dirname "$0")/.."
# gold warns once per AddressSanitizer symbol it cannot export: noise, not a fault.
exec 2> >(grep -v "Cannot export local symbol" >&2)
opt="${1:--O}"
out=.build-fuzz
mkdir -p "$out/module"
features=(-enable-upcoming-feature ExistentialAny -enable-upcoming-feature InternalImportsByDefault)
sanitize=(-sanitize=fuzzer,address -parse-as-library)
mapfile -t simcore < <(find Sources/SimCore -name '*.swift' | sort)
swiftc "$opt" "${sanitize[@]}" "${features[@]}" -module-name SimCore -emit-module \
  -emit-module-path "$out/module/SimCore.swiftmodule" -emit-library -static -o "$out/libSimCore.a" \
  -whole-module-optimization "${simcore[@]}"
for target in fuzz/targets/*.swift; do
  name=$(basename "$target" .swift)
  swiftc "$opt" "${sanitize[@]}" "${features[@]}" -I "$out/module" "$target" "$out/libSimCore.a" \
    -o "$out/fuzz-$name"
done
echo "built: $(ls "$out"/fuzz-* | tr '\n' ' ')"
