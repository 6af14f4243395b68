#!/usr/bin/env bash
# The shipped Othello-GPT's training run, spread over several sessions of this 2-core machine.
#   scripts/othello-small-training.sh run    regenerate the corpus if needed, restore the committed
#                                            checkpoint if runs/ has none, then train (or resume)
#   scripts/othello-small-training.sh save   copy the newest checkpoint into checkpoints/othello-small/
#                                            (the one committed path, overwritten each time)
# The run itself is `worldprobe othello train`; see docs/othello-gpt.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="$root/runs/corpora/synthetic-2m-seed1.wpg"
run="$root/runs/othello-small"
saved="$root/checkpoints/othello-small"

case "${1:-}" in
  run)
    if [[ ! -f "$corpus" ]]; then
      "$root/worldprobe" othello generate --games 2000000 --seed 1 --out "$corpus"
    fi
    if [[ ! -f "$run/training/state.json" && -f "$saved/training/state.json" ]]; then
      mkdir -p "$run"
      cp -r "$saved/." "$run/"
    fi
    resume=()
    [[ -f "$run/training/state.json" ]] && resume=(--resume)
    exec "$root/worldprobe" othello train --corpus "$corpus" --preset small --out "$run" --seed 0 \
      --threads 1 --checkpoint-minutes 10 --eval-every 500 "${resume[@]}"
    ;;
  save)
    [[ -f "$run/training/state.json" ]] || { echo "no training run in $run" >&2; exit 2; }
    step_dir="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["checkpoint"])' "$run/training/state.json" 2>/dev/null \
      || sed -n 's/.*"checkpoint": "\(.*\)".*/\1/p' "$run/training/state.json")"
    tmp="$saved.tmp"
    rm -rf "$tmp" && mkdir -p "$tmp/training"
    cp "$run/training/state.json" "$run/training/held_out.npy" "$tmp/training/"
    cp -r "$run/$step_dir" "$tmp/$step_dir"
    [[ -f "$run/manifest.json" ]] && cp "$run/manifest.json" "$tmp/"
    rm -rf "$saved" && mv "$tmp" "$saved"
    du -sh "$saved"
    ;;
  *)
    echo "usage: $0 run|save" >&2
    exit 2
    ;;
esac
