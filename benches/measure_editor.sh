#!/bin/sh
# From the repository root: python3 benches/big.py > big.yaml; sh benches/measure_editor.sh OUT.jsonl BIN...
# The start (10 runs) and keys (5 x 40) of each binary, with vim and the floor (FLOOR=path to floor_tui),
# on the big document and the typical one (docs/PERFORMANCE.md, "A big document").
T=${TUIMEASURE:-../shared/tools/tuimeasure/tuimeasure.py}
OUT=$1; shift
TYP=$PWD/benches/typical.yaml
BIG=${BIG:-$PWD/big.yaml}
VIM="vim -u NONE -i NONE -N -n --cmd 'set ttimeout ttimeoutlen=10'"
run() { python3 $T "$@" --json $OUT 2>&1 | grep -E "^==|startup stable|keystroke|peak RSS|idle ctxsw|idle bytes"; }
uptime
run --cmd ${FLOOR:-floor_tui} --ready-text "Ctrl-Q quits" --type-char x --quit '\x11' --runs 5 --keys 40
for DOC in $BIG $TYP; do
  echo "### $DOC"
  run --cmd "$VIM $DOC" --ready-text "schema: 2" --setup i --setup wait:INSERT --type-char x --pre-quit '\x1b' --pre-quit settle:300 --quit ':q!\r' --runs 10 --keys 40 --idle-s 2
  for BIN in "$@"; do
    run --cmd "$BIN edit $DOC" --ready-text Summary --type-char x --quit '\x11' --runs 10 --keys 0 --idle-s 2
  done
done
for BIN in "$@"; do
  echo "### keys $BIN big: Detection and response"
  run --cmd "sh -c 'cp $BIG pm.yaml; exec $BIN edit pm.yaml'" --ready-text Summary --setup 'sleep:300' --setup '\x1b' --setup 'sleep:300' --setup 'kkkkkkkkkkkk' --setup 'jjjj' --setup '\r' --setup 'sleep:300' --type-char x --quit '\x11' --pre-quit '\x13' --pre-quit 'sleep:500' --runs 5 --keys 40 --idle-s 1
  echo "### keys $BIN typical: Where we got lucky"
  run --cmd "sh -c 'cp $TYP pm.yaml; exec $BIN edit pm.yaml'" --ready-text Summary --setup 'sleep:300' --setup '\x1b' --setup 'sleep:300' --setup 'kkkkkkkkkkkk' --setup 'jjjjjjj' --setup '\r' --setup 'sleep:300' --type-char x --quit '\x11' --pre-quit '\x13' --pre-quit 'sleep:500' --runs 5 --keys 40 --idle-s 1
done
uptime
