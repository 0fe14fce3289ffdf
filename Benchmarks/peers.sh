# Sourced by Benchmarks/run.sh: times cda beside the ordinary Python way of doing the same jobs —
# the reference scripts in ../shared/peers (lxml iterparse or a regex per line into sqlite3, a
# pyahocorasick automaton for dictionary coding, collections.Counter keyness, a LIKE-prefiltered
# regex KWIC) — on the peers' own seeded corpus, one after the other in the same run. Each row's
# "floor" is the peer; the ratio is cda's time over the peer's (below 1: cda is faster).
#
# Uses run.sh's median_seconds, record, $cda, $work. Needs python3 with lxml and pyahocorasick
# (pip install -r ../shared/peers/requirements.txt).

# run_peers SIZE_MB : the peer rows for one corpus size.
run_peers() {
  local size=$1
  local peers=$root/../shared/peers
  local py
  # The real interpreter: a pyenv shim adds ~0.3 s to every start.
  py=$(python3 -c 'import sys; print(sys.executable)')
  export PEERS_DATA="$work/peers"
  local corpus="$PEERS_DATA/corpus-${size}mb"
  [ -d "$corpus/txt" ] || "$py" "$peers/gen_corpus.py" --mb "$size" >&2
  [ -e "$PEERS_DATA/dict-5000.tsv" ] || "$py" "$peers/gen_dictionary.py" --n 5000 >&2
  local tei_mb txt_mb
  tei_mb=$(du -sm "$corpus/tei" | cut -f1)
  txt_mb=$(du -sm "$corpus/txt" | cut -f1)
  local project="$work/peers-$size.cda"

  echo "== $size MB peers' corpus: ingest" >&2
  local peer t
  peer=$(median_seconds sh -c "rm -f '$corpus/tei.sqlite'* && '$py' '$peers/ref_ingest.py' --format tei --mb $size")
  t=$(median_seconds sh -c "rm -f '$project'* && '$cda' init --project '$project' && '$cda' ingest '$corpus/tei' --project '$project'")
  record "$size MB, peers' corpus" "ingest TEI" "$t" "Python peer: lxml iterparse + sqlite3" "$peer" "$tei_mb" "" "≤ 0.5×"
  peer=$(median_seconds sh -c "rm -f '$corpus/txt.sqlite'* && '$py' '$peers/ref_ingest.py' --format txt --mb $size")
  t=$(median_seconds sh -c "rm -f '$project'* && '$cda' init --project '$project' && '$cda' ingest '$corpus/txt' --project '$project'")
  record "$size MB, peers' corpus" "ingest plain text" "$t" "Python peer: regex per line + sqlite3" "$peer" "$txt_mb" "" "≤ 0.5×"
  # The peers' jobs below read tei.sqlite; make sure it is there after the timed runs.
  [ -e "$corpus/tei.sqlite" ] || "$py" "$peers/ref_ingest.py" --format tei --mb "$size" >&2

  echo "== $size MB peers' corpus: autocode, keyness, kwic" >&2
  peer=$(median_seconds "$py" "$peers/ref_autocode.py" --mb "$size" --dict 5000 --method aho)
  t=$(median_seconds "$cda" autocode --dictionary "$PEERS_DATA/dict-5000.tsv" --include-moderators --out "$work/peers-sugg.tsv" --project "$project")
  record "$size MB, peers' corpus" "autocode 5,000 patterns, writing the sheet" "$t" "Python peer: pyahocorasick" "$peer" "$txt_mb" "" "≤ 0.5×"
  peer=$(median_seconds "$py" "$peers/ref_keyness.py" --mb "$size")
  t=$(median_seconds "$cda" keyness --groups citizens,experts --project "$project")
  record "$size MB, peers' corpus" "keyness, 2 groups" "$t" "Python peer: collections.Counter" "$peer" "$txt_mb" "" "≤ 0.25×"
  "$cda" kwic zeldzaamheid --project "$project" > /dev/null 2>&1 || true   # builds the search index once
  peer=$(median_seconds "$py" "$peers/ref_kwic.py" --mb "$size" --term 'publieke waarden')
  t=$(median_seconds "$cda" kwic 'publieke waarden' --include-moderators --project "$project")
  record "$size MB, peers' corpus" "kwic 'publieke waarden', every hit" "$t" "Python peer: LIKE + regex" "$peer" "$txt_mb" "" ""
  # The floor for the same phrase: GNU grep printing every line that holds it.
  local floor
  floor=$(median_seconds sh -c "grep -h -i -w 'publieke waarden' '$corpus'/txt/*.txt")
  record "$size MB, peers' corpus" "kwic 'publieke waarden', every hit" "$t" "grep -h -i -w printing the lines" "$floor" "$txt_mb" "" "≤ 1×"
}
