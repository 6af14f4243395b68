#!/usr/bin/env python3
"""Markdown tables for docs/spacetime-experiments.md from DATASET/EXPERIMENT/*.json beside this script
(copies of the results JSON of runs/experiments/, written by `worldprobe space probe --experiment ...`)."""
import json, os, sys
O = os.path.join(os.path.dirname(os.path.abspath(__file__)))
DATASETS = ["world_place", "us_place", "nyc_place", "art", "pantheon", "headlines_nyt", "headlines_epu", "headlines_abc"]

def load(d, e, f):
    p = os.path.join(O, d, e, f)
    return json.load(open(p)) if os.path.exists(p) else None

def ci(s, fmt="{:.3f}"):
    return f"{fmt.format(s['value'])} [{fmt.format(s['low'])}, {fmt.format(s['high'])}]"

def err_fmt(kind):
    return "{:.0f}" if kind == "place" else "{:.1f}"

def mlp():
    print("| dataset | layer | ridge R² | ridge on standardized features R² | MLP R² | ridge proximity | standardized ridge proximity | MLP proximity | MLP − ridge R² at layers (0..6) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for d in DATASETS:
        r = load(d, "mlp", "mlp.json")
        b = load(d, "mlp-best", "mlp.json")
        if not r or "layers" not in r: continue
        diffs = ", ".join(f"{x['mlp']['rSquared']['value'] - x['ridge']['rSquared']['value']:+.3f}" for x in r["layers"])
        if len(r["layers"]) < 7: diffs = "layers " + ", ".join(str(x["layer"]) for x in r["layers"]) + ": " + diffs
        if b:
            l = b["layers"][0]
            print(f"| {d} | {l['layer']} | {ci(l['ridge']['rSquared'])} | {ci(l['standardizedRidge']['rSquared'])} | {ci(l['mlp']['rSquared'])} | "
                  f"{ci(l['ridge']['proximityError'])} | {ci(l['standardizedRidge']['proximityError'])} | {ci(l['mlp']['proximityError'])} | {diffs} |")
        else:
            c = load(d, "pca", "pca.json"); layer = c["layer"]
            l = next(x for x in r["layers"] if x["layer"] == layer)
            print(f"| {d} | {layer} | {ci(l['ridge']['rSquared'])} | - | {ci(l['mlp']['rSquared'])} | {ci(l['ridge']['proximityError'])} | - | {ci(l['mlp']['proximityError'])} | {diffs} |")

def holdout(e):
    print("| dataset | held out | layer | groups (skipped) | test rows | proximity random → holdout | error random → holdout | R² random → holdout | " +
          "direction from overall centroid: mean angle (places) / wrong signs (times), random → holdout | the same from the probe's training centroid |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    extra = [("art", "block-holdout-decade")] if e == "block-holdout" else []
    for d, folder in [(d, e) for d in DATASETS] + extra:
        r = load(d, folder, e + ".json")
        if not r: continue
        k = r["kind"]; f = err_fmt(k); unit = "km" if k == "place" else "years"
        def angles(rk, hk):
            if k == "place":
                return f"{r['meanR' + rk[1:]]:.0f}° → {r['meanH' + hk[1:]]:.0f}°"
            n = len(r["groups"])
            wr = sum(1 for g in r["groups"] if g[rk] > 90); wh = sum(1 for g in r["groups"] if g[hk] > 90)
            return f"{wr}/{n} → {wh}/{n}"
        ang = angles("randomSplitAngleDegrees", "holdoutAngleDegrees")
        if "holdoutAngleFromTrainingDegrees" in r["groups"][0]:
            ang += " | " + angles("randomSplitAngleFromTrainingDegrees", "holdoutAngleFromTrainingDegrees")
        else:
            ang += " | -"
        pr, ph = r["pooledRandomSplit"], r["pooledHoldout"]
        print(f"| {d} | {r['groupedBy']} | {r['layer']} | {len(r['groups'])} ({r['groupsSkipped']}) | {ph['rows']} | {ci(pr['proximityError'])} → {ci(ph['proximityError'])} | "
              f"{ci(pr['meanError'], f)} → {ci(ph['meanError'], f)} {unit} | {ci(pr['rSquared'])} → {ci(ph['rSquared'])} | {ang} |")

def groups(e, d, top=None):
    r = load(d, e, e.replace("-decade", "") + ".json")
    if not r: return
    k = r["kind"]; f = err_fmt(k); unit = "km" if k == "place" else "years"
    print(f"\n{d} ({r['groupedBy']}, layer {r['layer']}):\n")
    print(f"| {r['groupedBy']} | entities | test rows | proximity random | proximity holdout | {unit} random | {unit} holdout | R² random | R² holdout | angle from overall, random / holdout | angle from training centroid, random / holdout |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    rows = r["groups"][:top] if top else r["groups"]
    for g in rows:
        a = (lambda x: "-" if x != x else (f"{x:.0f}°" if k == "place" else ("ok" if x < 90 else "wrong")))
        print(f"| {g['group']} | {g['entities']} | {g['holdout']['rows']} | {ci(g['randomSplit']['proximityError'])} | {ci(g['holdout']['proximityError'])} | "
              f"{ci(g['randomSplit']['meanError'], f)} | {ci(g['holdout']['meanError'], f)} | {ci(g['randomSplit']['rSquared'])} | {ci(g['holdout']['rSquared'])} | {a(g['randomSplitAngleDegrees'])} / {a(g['holdoutAngleDegrees'])} | "
              f"{a(g.get('randomSplitAngleFromTrainingDegrees', float('nan')))} / {a(g.get('holdoutAngleFromTrainingDegrees', float('nan')))} |")

def pca():
    ks = None
    rows = []
    for d in DATASETS:
        r = load(d, "pca", "pca.json")
        if not r: continue
        rows.append(r)
    ks = [x["components"] for x in rows[0]["rows"]]
    print("| dataset | layer | " + " | ".join(f"k = {k}" for k in ks) + " |")
    print("|---|---|" + "---|" * len(ks))
    for r in rows:
        print(f"| {r['dataset']} | {r['layer']} | " + " | ".join(ci(x["scores"]["rSquared"]) for x in r["rows"]) + " |")
    print("\nVariance explained by the top k components (training rows):\n")
    print("| dataset | " + " | ".join(f"k = {k}" for k in ks) + " |")
    print("|---|" + "---|" * len(ks))
    for r in rows:
        print(f"| {r['dataset']} | " + " | ".join(f"{x['varianceExplained']:.2f}" for x in r["rows"]) + " |")

def controls():
    print("| dataset | trained, layer L | trained, layer 0 | shuffled targets, layer L | random init, layer L | random init, its best layer |")
    print("|---|---|---|---|---|---|")
    for d in DATASETS:
        r = load(d, "controls", "controls.json")
        if not r: continue
        by = {x["control"].split(",")[0] + ("0" if "layer 0" in x["control"] else "") + ("best" if "best" in x["control"] else ""): x for x in r["rows"]}
        cells = []
        for row in r["rows"]:
            cells.append(f"{ci(row['scores']['rSquared'])} (L{row['layer']})")
        print(f"| {d} (L = {r['layer']}) | " + " | ".join(cells) + " |")
    print("\nProximity error of the same probes:\n")
    print("| dataset | trained, layer L | trained, layer 0 | shuffled targets, layer L | random init, layer L | random init, its best layer |")
    print("|---|---|---|---|---|---|")
    for d in DATASETS:
        r = load(d, "controls", "controls.json")
        if not r: continue
        print(f"| {d} | " + " | ".join(f"{ci(row['scores']['proximityError'])}" for row in r["rows"]) + " |")

which = sys.argv[1]
if which == "mlp": mlp()
elif which in ("block-holdout", "entity-holdout"): holdout(which)
elif which == "groups": groups(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else None)
elif which == "pca": pca()
elif which == "controls": controls()
