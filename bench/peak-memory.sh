#!/usr/bin/env bash
# Peak memory and wall time of one whole `muscore rate` run (read, validate, rate, write all
# four outputs) on a generated CSV. Target (issue 10): at most 600 bytes of peak resident memory
# per input row (600 MB at 1M rows).
#
# usage: bench/peak-memory.sh [ROWS]      (default 1000000)
# env:   ARTIFACTS  build output folder   (default /tmp/art-bench)
#        WORK       scratch folder        (default a new mktemp -d folder, deleted at the end)
set -euo pipefail

rows="${1:-1000000}"
artifacts="${ARTIFACTS:-/tmp/art-bench}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
limit_kib=$((rows * 600 / 1024)) # 600 bytes a row

if [[ ! -x /usr/bin/time ]]; then
    echo "GNU time is missing: apt-get update && apt-get install -y time" >&2
    exit 1
fi

if [[ -n "${WORK:-}" ]]; then
    work="$WORK"
    mkdir -p "$work"
else
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
fi

echo "== building the CLI (Release, artifacts in $artifacts)"
dotnet build "$repo/src/MuScore.Cli/MuScore.Cli.csproj" -c Release --artifacts-path "$artifacts" -nologo -v quiet
cli="$artifacts/bin/MuScore.Cli/release/muscore.dll"

input="$work/sample-$rows.csv"
echo "== generating $rows rows (seed 42) into $input"
dotnet "$cli" sample --n "$rows" --seed 42 --out "$input"
ls -l "$input"

echo "== rating (all regions, zj-standard, 2024) under /usr/bin/time -v"
echo "   load before: $(uptime)"
/usr/bin/time -v -o "$work/time.txt" \
    dotnet "$cli" rate --input "$input" --scheme zj-standard --region all --year 2024 --out "$work/out"
echo "   load after:  $(uptime)"
ls -l "$work/out"

field() { grep -F "$1" "$work/time.txt" | sed 's/^[^:]*: //; s/^.*): //'; }
wall="$(grep -F 'Elapsed (wall clock) time' "$work/time.txt" | awk '{print $NF}')"
rss_kib="$(field 'Maximum resident set size')"
echo
echo "rows:                      $rows"
echo "wall time (m:ss):          $wall"
echo "user time (s):             $(field 'User time')"
echo "system time (s):           $(field 'System time')"
echo "CPU:                       $(field 'Percent of CPU')"
echo "Maximum resident set size: $rss_kib KiB ($(awk -v k="$rss_kib" 'BEGIN { printf "%.1f", k / 1024 }') MiB)"
echo "peak bytes per row:        $(( rss_kib * 1024 / rows ))"
if (( rss_kib <= limit_kib )); then
    echo "target (<= 600 B a row):   met"
else
    echo "target (<= 600 B a row):   MISSED"
fi
