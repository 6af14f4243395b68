#!/usr/bin/python3
"""Times scikit-learn's RidgeCV (efficient leave-one-out, cv=None) on the data that
`worldprobe bench ridge --write-npy DIR --out DIR/worldprobe.json` wrote, and checks that it
chooses the same alpha with the same leave-one-out errors as WorldProbe's RidgeProbe.

Run with Debian's Python (apt-get install python3-sklearn):
    /usr/bin/python3 bench/compare/ridge_sklearn.py DIR
Targets are z-scored with the training mean and population std first, as RidgeProbe does,
so that the mean squared error over outputs is the same quantity on both sides.
"""
import json
import os
import sys
import time

import numpy as np
import sklearn
from sklearn.linear_model import RidgeCV


def main(folder):
    ours = json.load(open(os.path.join(folder, "worldprobe.json")))
    alphas = np.array(ours["alphas"], dtype=np.float64)
    features = np.load(os.path.join(folder, "features.npy")).astype(np.float64)
    targets = np.load(os.path.join(folder, "targets.npy")).astype(np.float64)
    targets = (targets - targets.mean(axis=0)) / targets.std(axis=0)

    # sklearn 1.2 (Debian 12) names it store_cv_values; newer versions store_cv_results.
    store = "store_cv_values" if "store_cv_values" in RidgeCV().get_params() else "store_cv_results"
    model = RidgeCV(alphas=alphas, fit_intercept=True, cv=None, alpha_per_target=False, **{store: True})
    start = time.perf_counter()
    model.fit(features, targets)
    seconds = time.perf_counter() - start

    cv = model.cv_values_ if hasattr(model, "cv_values_") else model.cv_results_  # [n, k, alphas]
    errors = cv.mean(axis=(0, 1))
    ours_errors = np.array(ours["meanLeaveOneOutError"])
    relative = np.abs(errors - ours_errors) / np.abs(ours_errors)
    result = {
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "shape": list(features.shape),
        "sklearnFitSeconds": round(seconds, 2),
        "worldprobeFitSeconds": round(ours["fitSeconds"], 2),
        "sklearnAlpha": float(model.alpha_),
        "worldprobeAlpha": ours["chosenAlpha"],
        "sameAlpha": bool(np.isclose(model.alpha_, ours["chosenAlpha"], rtol=1e-12)),
        "maxRelativeDifferenceOfLooErrors": float(relative.max()),
        "sklearnLooErrors": errors.tolist(),
    }
    print(json.dumps(result, indent=2))
    return 0 if result["sameAlpha"] and relative.max() < 1e-6 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
