#!/usr/bin/env python3
"""Writes the big document of the speed figures (docs/PERFORMANCE.md, "The editor"): the typical
document (benches/typical.yaml) with 5,000 more timeline entries and its "Detection and response"
section repeated to 1 MB. Usage: python3 benches/big.py > big.yaml"""
import sys
from datetime import datetime, timedelta

here = __file__.rsplit("/", 1)[0]
lines = open(f"{here}/typical.yaml", encoding="utf-8").read().split("\n")
out, i = [], 0
while i < len(lines):
    line = lines[i]
    out.append(line)
    i += 1
    if line == "  - id: detection-and-response":
        # title, kind, "text: |", then the text's lines (indented six spaces, or blank)
        out += lines[i : i + 3]
        i += 3
        start = i
        while i < len(lines) and (lines[i].startswith("      ") or lines[i] == ""):
            i += 1
        text = lines[start:i]
        size = 0
        while size < 1_000_000:
            out += text + [""]
            size += sum(len(t) - 6 + 1 for t in text) + 1
        out.pop()
    elif line == "timeline:":
        t = datetime(2026, 11, 12, 20, 0)
        for n in range(5000):
            out.append(f"  - time: {t.strftime('%Y-%m-%dT%H:%M:00')}+01:00")
            out.append(f"    event: Canary {n} of payments-gateway reports {n % 97} declined handshakes per minute")
            t += timedelta(minutes=1)
sys.stdout.write("\n".join(out))
