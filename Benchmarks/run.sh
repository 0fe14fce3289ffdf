#!/usr/bin/env bash
# Benchmark suite: every figure is a ratio against a floor measured in the same run on the same files.
#
#   Benchmarks/run.sh [SIZE_MB ...]        (default: 10 100)
#
# Builds cda and the corpus generator in release mode, generates a seeded corpus per size (TEI and
# plain text, same talk), times each cda job against its floor (median of RUNS runs, default 3),
# records peak memory, and writes Benchmarks/RESULTS.md. Beside the floors it times the ordinary
# Python way of each job (../shared/peers, on the peers' own corpus; see Benchmarks/peers.sh).
# Needs xmllint (libxml2-utils), GNU time and grep, and for the peers lxml and pyahocorasick;
# not part of `swift test` or CI.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${RUNS:-3}
sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(10 100)
work=${BENCH_DIR:-/tmp/cda-bench}
mkdir -p "$work"

command -v xmllint >/dev/null || { echo "xmllint missing: apt-get install libxml2-utils" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "GNU time missing: apt-get install time" >&2; exit 1; }

swift build -c release --product cda >&2
cda="$(swift build -c release --show-bin-path)/cda"
(cd Benchmarks && swift build -c release >&2)
generator="$root/Benchmarks/.build/release/CorpusGenerator"

results="$work/results.tsv"
: > "$results"
# The Python peers, when ../shared/peers is beside the clone (PEERS=0 skips them).
source "$root/Benchmarks/peers.sh"
peers_ready=0
if [ "${PEERS:-1}" != 0 ] && [ -d "$root/../shared/peers" ]; then
  if python3 -c 'import lxml, ahocorasick' 2>/dev/null; then peers_ready=1
  else echo "Python peers skipped: pip install -r ../shared/peers/requirements.txt" >&2; fi
fi

# median_seconds CMD... : runs the command RUNS times, prints the median wall time in seconds.
median_seconds() {
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s.%N)
    # Not /dev/null: GNU grep stops at the first match when its output goes there.
    "$@" > "$work/out" 2>&1 || true
    end=$(date +%s.%N)
    times+=("$(awk "BEGIN {print $end - $start}")")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

# peak_mb CMD... : peak resident memory of one run, in MB.
peak_mb() {
  /usr/bin/time -f '%M' -o "$work/rss" "$@" > /dev/null 2>&1 || true
  echo "$(( $(tail -1 "$work/rss") / 1024 ))"
}

# record SIZE JOB SECONDS FLOOR_NAME FLOOR_SECONDS MB PEAK_MB TARGET
record() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >> "$results"; }

for size in "${sizes[@]}"; do
  corpus="$work/corpus-$size"
  [ -d "$corpus/text" ] || "$generator" "$corpus" "$size" 7 >&2
  mb=$(du -sm "$corpus/text" | cut -f1)
  tei_mb=$(du -sm "$corpus/tei" | cut -f1)
  # Dictionaries of 50, 500 and 5,000 words of middle frequency; grep gets the same words.
  for n in 50 500 5000; do
    sed -n "200,$((199 + n))p" "$corpus/vocabulary.txt" > "$work/words-$n.txt"
    awk '{print "c" NR % 40 "\t" $0}' "$work/words-$n.txt" > "$work/dict-$n.tsv"
  done

  if [ "$peers_ready" = 1 ] && [ "$size" -lt 1000 ]; then run_peers "$size"; fi

  echo "== $size MB: ingest" >&2
  floor_tei=$(median_seconds xmllint --stream --noout "$corpus"/tei/*.xml)
  t=$(median_seconds sh -c "rm -f '$work/tei.cda'* && '$cda' init --project '$work/tei.cda' && '$cda' ingest '$corpus/tei' --project '$work/tei.cda'")
  rm -f "$work/tei.cda"*; "$cda" init --project "$work/tei.cda" >/dev/null
  rss=$(peak_mb "$cda" ingest "$corpus/tei" --project "$work/tei.cda")
  record "$size" "ingest TEI" "$t" "xmllint --stream" "$floor_tei" "$tei_mb" "$rss" "≤ 3×"

  floor_text=$(median_seconds sh -c "cat '$corpus'/text/*.txt | wc -w")
  t=$(median_seconds sh -c "rm -f '$work/text.cda'* && '$cda' init --project '$work/text.cda' && '$cda' ingest '$corpus/text' --project '$work/text.cda'")
  rm -f "$work/text.cda"*; "$cda" init --project "$work/text.cda" >/dev/null
  rss=$(peak_mb "$cda" ingest "$corpus/text" --project "$work/text.cda")
  record "$size" "ingest text" "$t" "wc -w" "$floor_text" "$mb" "$rss" "≤ 4×"

  if [ "$size" -ge 1000 ]; then
    # At 1 GB only what the targets ask for: ingest (time and flat memory) and opening the project.
    t=$(median_seconds "$cda" documents --project "$work/text.cda")
    record "$size" "documents" "$t" "" "" "$mb" "" "< 0.2 s"
    continue
  fi

  echo "== $size MB: autocode" >&2
  floor_grep50=$(median_seconds sh -c "grep -c -i -F -f '$work/words-50.txt' '$corpus'/text/*.txt")
  for n in 50 500 5000; do
    floor=$(median_seconds sh -c "grep -c -i -F -f '$work/words-$n.txt' '$corpus'/text/*.txt")
    t=$(median_seconds "$cda" autocode --count --dictionary "$work/dict-$n.tsv" --include-moderators --project "$work/text.cda")
    record "$size" "autocode --count $n patterns" "$t" "grep -c -F -f ($n)" "$floor" "$mb" "" ""
    [ "$n" = 5000 ] && record "$size" "autocode --count 5000 patterns" "$t" "grep -c -F -f (50)" "$floor_grep50" "$mb" "" "≤ 1.5×"
  done
  t=$(median_seconds "$cda" autocode --dictionary "$work/dict-5000.tsv" --include-moderators --out "$work/sugg.tsv" --project "$work/text.cda")
  record "$size" "autocode 5000 patterns, writing the sheet ($(wc -l < "$work/sugg.tsv") rows)" "$t" "grep -c -F -f (5000)" "$floor" "$mb" "" ""

  echo "== $size MB: kwic" >&2
  "$cda" kwic zeldzaamheid --project "$work/text.cda" >/dev/null 2>&1 || true   # builds the search index once
  for word in de zeldzaamheid; do
    floor=$(median_seconds sh -c "grep -c -i -w '$word' '$corpus'/text/*.txt")
    t=$(median_seconds "$cda" kwic "$word" --include-moderators --limit 1000 --json --project "$work/text.cda")
    record "$size" "kwic '$word'" "$t" "grep -c -i -w" "$floor" "$mb" "" "≤ 1×"
  done

  echo "== $size MB: keyness" >&2
  t=$(median_seconds "$cda" keyness --groups citizens,experts --project "$work/text.cda")
  record "$size" "keyness citizens,experts" "$t" "" "" "$mb" "" "< 3 s"

  echo "== $size MB: report on 1,000,000 codings" >&2
  if [ ! -e "$work/coded-$size.cda" ]; then
    cp "$work/text.cda" "$work/coded-$size.cda"
    "$cda" sheet export --uncoded --include-moderators --project "$work/coded-$size.cda" \
      | awk -F'\t' 'NR==1 {print; next} {for (k = 0; k < 6 && n < 1000000; k++) {n++; print $1 "\t" $2 "\t\t\tcode " ((NR * 7 + k * 31) % 200) "\t1\tbench\t\t"}}' > "$work/sheet.tsv"
    "$cda" sheet import "$work/sheet.tsv" --project "$work/coded-$size.cda" >&2
    printf 'themes:\n' > "$work/themes.yaml"
    for k in 0 1 2 3; do printf '  - {id: t%d, label: Theme %d}\n' "$k" "$k" >> "$work/themes.yaml"; done
    printf 'mappings:\n' >> "$work/themes.yaml"
    for k in 0 1 2 3; do printf '  t%d: [' "$k" >> "$work/themes.yaml"; seq -s, "$((k * 50))" "$((k * 50 + 49))" | sed 's/\([0-9]*\)/"code \1"/g' >> "$work/themes.yaml"; printf ']\n' >> "$work/themes.yaml"; done
    "$cda" themes load "$work/themes.yaml" --project "$work/coded-$size.cda" >&2
  fi
  codings=$("$cda" codes --json --project "$work/coded-$size.cda" | grep -o '"codings" : [0-9]*' | awk '{s+=$3} END {print s}')
  t=$(median_seconds "$cda" report --format json --out "$work/report" --project "$work/coded-$size.cda")
  record "$size" "report ($codings codings)" "$t" "" "" "$mb" "" "< 1 s"

  echo "== $size MB: open and list" >&2
  t=$(median_seconds "$cda" documents --project "$work/text.cda")
  record "$size" "documents" "$t" "" "" "$mb" "" "< 0.2 s"
done

echo "== workbench: a 6,000-utterance transcript, paged as the browser pages it" >&2
python3 -c "
print('# speakers: A1, B2')
for i in range(6000): print(('A1' if i % 2 == 0 else 'B2') + ': beurt %d over de digitale overheid, één loket en het bushokje van de toekomst.' % i)" > "$work/large.txt"
rm -f "$work/large.cda"*; "$cda" init --project "$work/large.cda" >/dev/null; "$cda" ingest "$work/large.txt" --project "$work/large.cda" >/dev/null
"$cda" serve --project "$work/large.cda" --port 0 > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 50); do grep -q 'token=' "$work/serve.log" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'http://[^ ]*' "$work/serve.log" | head -1); port=$(echo "$url" | sed 's/.*:\([0-9]*\)\/.*/\1/'); token=${url##*token=}
page() { curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/transcript?doc=large&from=$1"; }
t=$(median_seconds page 1)
record "6,000 utterances" "workbench: first page (200 utterances)" "$t" "" "" "" "" "smooth"
t=$(median_seconds sh -c "for from in \$(seq 1 200 6000); do curl -s -H 'Authorization: Bearer $token' 'http://127.0.0.1:$port/api/transcript?doc=large&from='\$from; done")
record "6,000 utterances" "workbench: all 30 pages" "$t" "" "" "" "" "smooth"
kill "$server"

python3 "$root/Benchmarks/write_results.py" "$results" "$root/Benchmarks/RESULTS.md"
cat "$root/Benchmarks/RESULTS.md"
