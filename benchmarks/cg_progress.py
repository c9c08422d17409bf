"""Instruction counts of Corpus.clean with and without a progress bar (run under callgrind).

Wall times on a shared 2-core machine are too noisy to resolve a 2% difference, so this counts
instructions, per thread, with valgrind (repeatable):

    for f in off on; do valgrind --tool=callgrind --separate-threads=yes \\
        --callgrind-out-file=/tmp/cgt.$f python benchmarks/cg_progress.py $f; done
    grep -H summary: /tmp/cgt.*-01      # thread 1: the caller; others: pool, poller, tqdm

Then subtract a run with ``base`` as the second argument (imports and loading only).
"""

from __future__ import annotations

import io
import sys

import tqdm.auto
from _common import reuters_texts

import presslens

real = tqdm.auto.tqdm
tqdm.auto.tqdm = lambda *a, **k: real(*a, **{**k, "file": io.StringIO()})
flag = sys.argv[1] == "on"
texts = reuters_texts(3000)
corpus = presslens.Corpus([{"text": t, "outlet": f"o{i % 20}"} for i, t in enumerate(texts)])
if len(sys.argv) < 3 or sys.argv[2] != "base":
    for _ in range(3):
        corpus.clean(progress=flag, n_threads=1)
