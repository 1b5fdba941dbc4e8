#!/usr/bin/env bash
# Rates a generated file with bad rows under every preset and checks each ratings.csv with the
# independent oracle. Usage: tools/oracle/check.sh [ROWS]   (default 20000)
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-20000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build src/MuScore.Cli -c Release -o "$work/bin" -v quiet -nologo >/dev/null
muscore="$work/bin/muscore"
"$muscore" sample --n "$rows" --seed 7 --bad-rate 0.01 --out "$work/input.csv" >/dev/null
for scheme in zj-standard linhai-2014 huaian-2024; do
  "$muscore" schemes show "$scheme" > "$work/$scheme.json"
  "$muscore" rate --input "$work/input.csv" --scheme "$scheme" --region all --year 2024 --out "$work/out-$scheme" --quiet
  echo "oracle: $scheme on $rows rows"
  python3 tools/oracle/verify_ratings.py --input "$work/input.csv" --scheme "$work/$scheme.json" \
    --year 2024 --region all --ratings "$work/out-$scheme/ratings.csv" | tail -n 1
done
"$muscore" rate --input samples/county-2024.csv --scheme zj-standard --region 331082 --year 2024 \
  --history samples/history-2023.csv --out "$work/out-sample" --quiet
echo "oracle: zj-standard on samples/county-2024.csv with history"
python3 tools/oracle/verify_ratings.py --input samples/county-2024.csv --scheme "$work/zj-standard.json" \
  --year 2024 --region 331082 --ratings "$work/out-sample/ratings.csv" \
  --history samples/history-2023.csv | tail -n 1
