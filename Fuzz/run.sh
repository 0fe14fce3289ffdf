#!/usr/bin/env bash
# Fuzz one reader with libFuzzer: Fuzz/run.sh TARGET SECONDS
# TARGET: text | tei | xml | vtt | srt | eaf | trs | cha | persons | sheet | codebook
# Crashing inputs land in Fuzz/crashes/TARGET/; the corpus grows in Fuzz/corpus/TARGET/ (not committed).
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?usage: Fuzz/run.sh TARGET SECONDS}
seconds=${2:-600}
swift build -c debug --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address --product FuzzCDA >&2
binary="$(swift build -c debug --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address --show-bin-path)/FuzzCDA"
mkdir -p "corpus/$target" "crashes/$target"
# Seed corpus: the project's own sample files and test fixtures of the matching kind.
case "$target" in
  text) cp ../Corpora/samples/*.txt ../Corpora/scenario-workshops/citizens/*.txt "corpus/$target/" ;;
  tei) cp ../Corpora/samples/debat-tei.xml "corpus/$target/" ;;
  xml) cp ../Corpora/samples/rondetafel-experts.xml ../Corpora/scenario-workshops/experts/*.xml "corpus/$target/" ;;
  vtt) cp ../Corpora/samples/*.vtt ../Corpora/scenario-workshops/captions/*.vtt "corpus/$target/" ;;
  srt) cp ../Corpora/samples/*.srt "corpus/$target/" ;;
  eaf) cp ../Corpora/samples/*.eaf "corpus/$target/" ;;
  trs) cp ../Corpora/samples/*.trs "corpus/$target/" ;;
  cha) cp ../Corpora/samples/*.cha "corpus/$target/" ;;
  persons) cp ../Corpora/samples/debat-tei.xml "corpus/$target/" ;;
  sheet) cp ../Corpora/scenario-workshops/coding/*.tsv "corpus/$target/" ;;
  codebook) cp ../Codebooks/*.yaml ../Corpora/scenario-workshops/coding/*.yaml "corpus/$target/" ;;
esac
CDA_FUZZ_TARGET="$target" "$binary" "corpus/$target" -artifact_prefix="crashes/$target/" \
  -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=10 -print_final_stats=1
