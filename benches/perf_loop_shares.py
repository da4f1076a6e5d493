#!/usr/bin/env python3
"""Shares of the editor's event loop in a perf profile of its keys' thread (docs/PERFORMANCE.md,
"The text widget's re-wrap"). Usage: perf script -i perf.data --tid MAIN -F tid,ip,sym |
python3 benches/perf_loop_shares.py. Each sample whose stack holds the event loop counts once,
under the first of the groups below found in its stack."""
import sys, collections
cats = [
 ("re-wrap (screen_map_load)", ["screen_map_load"]),
 ("journal/save job (keys' thread)", ["journal_job", "save_job"]),
 ("wording check", ["check_all_with", "check_section", "check_if_due", "check_fields", "findings_arrived", "take_checker"]),
 ("drawing", ["views::draw", "frame::", "Terminal", "flush", "diff"]),
 ("reading the terminal", ["crossterm::event"]),
 ("other update", ["App::update"]),
]
tot = 0; counts = collections.Counter(); within = 0
stack = []
def flush():
    global tot, within
    if not stack: return
    s = "\n".join(stack)
    tot += 1
    if "runner::run" not in s: return
    within += 1
    for name, keys in cats:
        if any(k in s for k in keys):
            counts[name] += 1; return
    counts["other in the loop"] += 1
for line in sys.stdin:
    if not line.strip():
        continue
    if not line.startswith("\t"):
        flush(); stack = []
    else:
        stack.append(line)
flush()
print(f"samples {tot}, in the event loop {within}")
for name, n in counts.most_common():
    print(f"  {name}: {100*n/within:.1f} %")
