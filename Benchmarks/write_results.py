"""Formats the benchmark runner's TSV into Benchmarks/RESULTS.md: median seconds, MB/s, peak RSS
and the ratio to the floor measured in the same run."""
import datetime
import os
import platform
import subprocess
import sys

rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
lines = [
    "# Benchmark results",
    "",
    f"Machine: {os.cpu_count()} cores, {cpu}. Date: {datetime.date.today().isoformat()}. "
    f"Each time is the median of the runs; ratios are against a floor measured in the same run on the same files.",
    "",
    "| size | job | median s | MB/s | peak RSS MB | floor | floor s | ratio | target |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
]
for size, job, seconds, floor_name, floor_seconds, mb, rss, target in rows:
    t = float(seconds)
    rate = f"{float(mb) / t:.1f}" if t > 0 and mb else ""
    size = size if not size.isdigit() else f"{size} MB"
    ratio = f"{t / float(floor_seconds):.2f}×" if floor_seconds else ""
    lines.append(f"| {size} | {job} | {t:.3f} | {rate} | {rss} | {floor_name} | "
                 f"{float(floor_seconds):.3f} | {ratio} | {target} |" if floor_seconds else
                 f"| {size} | {job} | {t:.3f} | {rate} | {rss} |  |  |  | {target} |")
previous = open(sys.argv[2], encoding="utf-8").read() if os.path.exists(sys.argv[2]) else ""
notes = previous.split("<!-- notes -->", 1)[1] if "<!-- notes -->" in previous else "\n"
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(lines) + "\n\n<!-- notes -->" + notes)
