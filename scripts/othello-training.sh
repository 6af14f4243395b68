#!/usr/bin/env bash
# Othello-GPT training runs that span several sessions of this 2-core machine (one libtorch thread each).
#   scripts/othello-training.sh RUN run    make the corpus if needed, restore the committed checkpoint
#                                          if runs/ has none, then train (or resume)
#   scripts/othello-training.sh RUN save   copy the newest checkpoint into checkpoints/othello-RUN/
#                                          (the one committed path per run, overwritten each time)
#   scripts/othello-training.sh RUN eval   score the newest model (holdout-c4: on c4 games and d3 games)
# RUN is
#   small       the shipped model: 6 x 256, 17,000 steps on 2M synthetic games (seed 1); finished
#               (7.49 h) and released as models/othello-gpt-small, so no checkpoint is kept
#   holdout-c4  the opening-holdout experiment (Li et al.'s "C5", c4 on this board; finished, released as
#               models/othello-holdout-c4, so no checkpoint is kept): the same shape for
#               4,000 steps on 1M synthetic games none of which opens with c4; the question is whether
#               the unseen opening is as easy as the seen ones for the same model
# The runs themselves are `worldprobe othello train`; see docs/othello-gpt.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
wp="$root/worldprobe"
name="${1:-}"
case "$name" in
  small)
    corpus="$root/runs/corpora/synthetic-2m-seed1.wpg"
    make_corpus=(othello generate --games 2000000 --seed 1 --out "$corpus")
    steps=17000 ;;
  holdout-c4)
    corpus="$root/runs/corpora/synthetic-1m-seed2-no-c4.wpg"
    make_corpus=(othello generate --games 1000000 --seed 2 --exclude-opening c4 --out "$corpus")
    steps=4000 ;;
  *) echo "usage: $0 small|holdout-c4 run|save|eval" >&2; exit 2 ;;
esac
run="$root/runs/othello-$name"
saved="$root/checkpoints/othello-$name"

case "${2:-}" in
  run)
    [[ -f "$corpus" ]] || "$wp" "${make_corpus[@]}"
    if [[ ! -f "$run/training/state.json" && -f "$saved/training/state.json" ]]; then
      mkdir -p "$run" && cp -r "$saved/." "$run/"
    fi
    resume=()
    [[ -f "$run/training/state.json" ]] && resume=(--resume)
    exec "$wp" othello train --corpus "$corpus" --preset small --steps "$steps" --out "$run" --seed 0 \
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
    "$wp" othello eval --model "$run"
    if [[ "$name" == holdout-c4 ]]; then
      fresh="$root/runs/corpora/synthetic-100k-seed3.wpg"
      [[ -f "$fresh" ]] || "$wp" othello generate --games 100000 --seed 3 --out "$fresh"
      "$wp" othello eval --model "$run" --corpus "$fresh" --opening c4 --games 5000
      "$wp" othello eval --model "$run" --corpus "$fresh" --opening d3 --games 5000
    fi
    ;;
  *) echo "usage: $0 small|holdout-c4 run|save|eval" >&2; exit 2 ;;
esac
