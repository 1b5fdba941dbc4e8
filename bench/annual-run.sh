#!/usr/bin/env bash
# The annual run against a pandas script (issue 10, item 1); docs/benchmarks.md, "The annual run
# against a pandas script", explains it. Builds muscore in Release, generates the inputs with
# `muscore sample` (scheme zj-standard, English headers), then on the N-row file (default 1M) runs, ROUNDS
# times in turn: `muscore rate --formats csv`, the pandas peer (bench/peers/pandas_rate.py),
# `muscore rate` with every output (ratings.xlsx included). Each run is timed as a whole process
# by /usr/bin/time -v (wall seconds, CPU seconds user+sys, peak RSS); the table shows medians and the
# peer/muscore ratios of the medians, wall and CPU. Then `--formats csv` at the other SIZES for linearity, and the row-by-row
# agreement (status, class, total) of ratings.csv with the peer's output.
#
# usage: bench/annual-run.sh
# env:   WORK     scratch directory for build, inputs and outputs  (default /tmp/muscore-annual)
#        N        rows of the main comparison                      (default 1000000)
#        ROUNDS   runs of each command at N                        (default 3)
#        SIZES    further sizes for linearity, csv outputs only    (default "100000 4000000")
#        CHINESE  "1" also rates N rows with Chinese headers        (default 1)
#        BIG      rows of one province-scale run, e.g. 10000000: rated once with --formats csv and
#                 once with the default outputs, each reporting wall, CPU and peak RSS against the
#                 8 GB target (default empty: no such run). ROUNDS=0 SIZES= CHINESE=0 BIG=10000000
#                 runs it alone.
# needs: dotnet, /usr/bin/time, python3 with pandas (apt-get install -y python3-pandas)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-/tmp/muscore-annual}
N=${N:-1000000}
ROUNDS=${ROUNDS:-3}
SIZES=${SIZES:-"100000 4000000"}
CHINESE=${CHINESE:-1}
BIG=${BIG:-}
PYTHON=/usr/bin/python3
mkdir -p "$WORK"

dotnet build "$ROOT/src/MuScore.Cli" -c Release -o "$WORK/bin" -v quiet -nologo >/dev/null
MUSCORE="$WORK/bin/muscore"

input() { # N [--chinese-headers]: the sample file of N rows, generated once
  local file="$WORK/in-$1${2:+-zh}.csv"
  [ -s "$file" ] || "$MUSCORE" sample --n "$1" --seed 2025 --out "$file" ${2:-} >/dev/null 2>&1
  echo "$file"
}

timed() { # LABEL CMD...: runs CMD under /usr/bin/time -v, appends "LABEL wall_s rss_kb" to the log
  local label=$1; shift
  /usr/bin/time -v -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/stderr.txt" \
    || { echo "failed: $*" >&2; cat "$WORK/stderr.txt" >&2; exit 1; }
  awk -v l="$label" '/Elapsed \(wall clock\)/ { n = split($NF, p, ":"); s = p[n] + (n > 1 ? p[n-1] * 60 : 0) + (n > 2 ? p[n-2] * 3600 : 0) }
       /User time|System time/ { c += $NF } /Maximum resident set size/ { m = $NF } END { print l, s, m, c }' "$WORK/time.txt" >>"$WORK/runs.txt"
}

rate() { # LABEL INPUT OUT [FORMATS]: a timed muscore rate
  timed "$1" "$MUSCORE" rate --input "$2" --scheme zj-standard --region all --year 2025 --out "$3" --quiet --formats "${4:-csv,xlsx}"
}

: >"$WORK/runs.txt"
[ "$ROUNDS" -gt 0 ] && IN=$(input "$N")
for round in $(seq "$ROUNDS"); do
  rate "muscore-csv-$N" "$IN" "$WORK/out-csv" csv
  timed "peer-$N" "$PYTHON" "$ROOT/bench/peers/pandas_rate.py" --scheme zj-standard --year 2025 --input "$IN" --out "$WORK/peer.csv"
  rate "muscore-all-$N" "$IN" "$WORK/out-all"
done
for n in $SIZES; do
  for round in $(seq "$ROUNDS"); do rate "muscore-csv-$n" "$(input "$n")" "$WORK/out-$n" csv; done
done
if [ "$CHINESE" = 1 ]; then
  rate "muscore-csv-zh-$N" "$(input "$N" --chinese-headers)" "$WORK/out-zh" csv
fi

if [ -n "$BIG" ]; then
  BIG_IN=$(input "$BIG")
  echo "load average before the $BIG-row runs: $(cut -d' ' -f1-3 /proc/loadavg)"
  rate "muscore-csv-$BIG" "$BIG_IN" "$WORK/out-big-csv" csv
  rate "muscore-all-$BIG" "$BIG_IN" "$WORK/out-big-all"
  # The 10M outputs are a few GB; only the timings are kept.
  rm -rf "$WORK/out-big-csv" "$WORK/out-big-all"
fi

echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
"$PYTHON" - "$WORK/runs.txt" "$N" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    label, wall, rss, cpu = line.split()
    runs.setdefault(label, []).append((float(wall), int(rss), float(cpu)))
med = {k: tuple(statistics.median(x[i] for x in v) for i in range(3)) for k, v in runs.items()}
print("| run | runs | wall s (median) | CPU s, user+sys (median) | peak RSS MB (median) | rows/s (wall) |")
print("|---|---|---|---|---|---|")
for k, (w, r, c) in med.items():
    n = int(k.rsplit("-", 1)[1])
    print(f"| {k} | {len(runs[k])} | {w:.1f} | {c:.1f} | {r / 1024:.0f} | {n / w:,.0f} |")
n = sys.argv[2]
peer = med.get(f"peer-{n}")
for k in (f"muscore-csv-{n}", f"muscore-all-{n}"):
    # On a loaded machine wall time depends on the other load; CPU seconds much less so.
    if peer and k in med:
        print(f"{k}: {peer[0] / med[k][0]:.1f}x as fast as the peer in wall time, {peer[2] / med[k][2]:.1f}x in CPU seconds (medians)")
for k, (w, r, c) in med.items():
    rows = int(k.rsplit("-", 1)[1])
    # Peak resident memory per input row, and the 8 GB target of a 10M-row run.
    print(f"{k}: {r * 1024 / rows:,.0f} bytes of peak RSS per row" + (f"; {'within' if r * 1024 <= 8e9 else 'ABOVE'} 8 GB" if rows >= 10_000_000 else ""))
PY
if [ "$ROUNDS" -gt 0 ]; then
  "$PYTHON" "$ROOT/bench/annual/compare_ratings.py" "$WORK/out-csv/ratings.csv" "$WORK/peer.csv"
fi
