"""Grid search of the coverage method's settings on the tuning data only.

DUC 2004 dev split (10 clusters) and DUC 2002 (all 59 clusters); the DUC 2004 test split is
never read here. Same protocol as eval_duc.py. The concept model's coefficients come from
fit_duc_concepts.py (same data); this grid chooses the settings around it by the mean of
ROUGE-1 + 3 x ROUGE-2 recall over the two sets.

    python benchmarks/tune_duc.py
"""

from __future__ import annotations

import itertools

from eval_duc import load, ours, score


def main() -> None:
    sets = {"duc2004-dev": load("duc2004", "dev"), "duc2002": load("duc2002", "all")}
    # (min_df, lead sentences (fixed by the model's fit), power, unigram weight)
    grid = itertools.product([1, 2], [3], [0.5, 1.0, 2.0], [0.3, 0.5, 0.7, 1.0])
    results = []
    for min_df, lead, power, uni in grid:
        cov = (min_df, lead, power, uni)
        row = []
        for clusters in sets.values():
            row.extend(score(ours(clusters, "coverage", cov), clusters, False))
        results.append((cov, row))
        print(cov, " ".join(f"{x:6.2f}" for x in row), flush=True)
    best = max(results, key=lambda r: r[1][0] + r[1][1] * 3 + r[1][2] + r[1][3] * 3)
    print("best", best)


if __name__ == "__main__":
    main()
