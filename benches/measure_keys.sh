#!/bin/sh
# From the repository root: python3 benches/big.py > big.yaml; sh benches/measure_keys.sh OUT.jsonl BIN...
# Key echo only, alternating: in each of three rounds, vim then each binary, on the typical
# document ("Where we got lucky") and the big one ("Detection and response"), 2 runs x 40 keys
# each (docs/PERFORMANCE.md, "The key path and the binary"). Summarise OUT.jsonl in order.
T=${TUIMEASURE:-../shared/tools/tuimeasure/tuimeasure.py}
OUT=$1; shift
TYP=$PWD/benches/typical.yaml
BIG=${BIG:-$PWD/big.yaml}
VIM="vim -u NONE -i NONE -N -n --cmd 'set ttimeout ttimeoutlen=10'"
uptime
for round in 1 2 3; do
  for DOC in $TYP $BIG; do
    python3 $T --cmd "$VIM $DOC" --ready-text "schema: 2" --setup i --setup wait:INSERT --type-char x --pre-quit '\x1b' --pre-quit settle:300 --quit ':q!\r' --runs 2 --keys 40 --idle-s 1 --json $OUT >/dev/null 2>&1
    if [ "$DOC" = "$BIG" ]; then J=jjjj; else J=jjjjjjj; fi
    for BIN in "$@"; do
      python3 $T --cmd "sh -c 'cp $DOC pm.yaml; exec $BIN edit pm.yaml'" --ready-text Summary --setup 'sleep:300' --setup '\x1b' --setup 'sleep:300' --setup 'kkkkkkkkkkkk' --setup "$J" --setup '\r' --setup 'sleep:300' --type-char x --quit '\x11' --pre-quit '\x13' --pre-quit 'sleep:500' --runs 2 --keys 40 --idle-s 1 --json $OUT >/dev/null 2>&1
    done
  done
  uptime
done
