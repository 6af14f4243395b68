#!/usr/bin/env bash
# The opening-holdout experiment (Li et al.'s "C5" holdout; c4 on WorldProbe's board, numbered from the top):
# train the small model on synthetic games none of which opens with c4, then score it on c4 games it never saw
# beside its held-out games of the three openings it did see.
#   scripts/othello-opening-holdout.sh run    make the corpora if needed, restore the committed checkpoint, train/resume
#   scripts/othello-opening-holdout.sh save   copy the newest checkpoint into checkpoints/othello-holdout-c4/
#   scripts/othello-opening-holdout.sh eval   score the newest model on both game sets (JSON under runs/othello-holdout-c4/)
# The budget is smaller than the shipped model's (4,000 steps, about 2 CPU-hours): the question is whether the
# error on the unseen opening matches the error on the seen ones, at the same model.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
train_corpus="$root/runs/corpora/synthetic-1m-seed2-no-c4.wpg"
test_corpus="$root/runs/corpora/synthetic-100k-seed3.wpg"
run="$root/runs/othello-holdout-c4"
saved="$root/checkpoints/othello-holdout-c4"
wp="$root/worldprobe"

case "${1:-}" in
  run)
    [[ -f "$train_corpus" ]] || "$wp" othello generate --games 1000000 --seed 2 --exclude-opening c4 --out "$train_corpus"
    if [[ ! -f "$run/training/state.json" && -f "$saved/training/state.json" ]]; then
      mkdir -p "$run" && cp -r "$saved/." "$run/"
    fi
    resume=()
    [[ -f "$run/training/state.json" ]] && resume=(--resume)
    exec "$wp" othello train --corpus "$train_corpus" --preset small --steps 4000 --out "$run" --seed 0 \
      --threads 1 --checkpoint-minutes 10 --eval-every 500 "${resume[@]}"
    ;;
  save)
    [[ -f "$run/training/state.json" ]] || { echo "no training run in $run" >&2; exit 2; }
    step_dir="$(sed -n 's/.*"checkpoint": "\(.*\)".*/\1/p' "$run/training/state.json")"
    tmp="$saved.tmp"
    rm -rf "$tmp" && mkdir -p "$tmp/training"
    cp "$run/training/state.json" "$run/training/held_out.npy" "$tmp/training/"
    cp -r "$run/$step_dir" "$tmp/$step_dir"
    [[ -f "$run/manifest.json" ]] && cp "$run/manifest.json" "$tmp/"
    rm -rf "$saved" && mv "$tmp" "$saved"
    du -sh "$saved"
    ;;
  eval)
    [[ -f "$test_corpus" ]] || "$wp" othello generate --games 100000 --seed 3 --out "$test_corpus"
    "$wp" othello eval --model "$run" --json > "$run/eval-held-out.json"
    "$wp" othello eval --model "$run" --corpus "$test_corpus" --opening c4 --games 5000 --json > "$run/eval-c4.json"
    "$wp" othello eval --model "$run" --corpus "$test_corpus" --opening d3 --games 5000 --json > "$run/eval-d3.json"
    cat "$run"/eval-*.json
    ;;
  *)
    echo "usage: $0 run|save|eval" >&2
    exit 2
    ;;
esac
