"""presslens: fast analysis of news coverage across outlets.

Clean scraped articles, count terms, summarise many outlets' stories, and find who shares
what with whom. The heavy lifting runs in a parallel Rust core.

Examples
--------
>>> import presslens
>>> presslens.tokenize("Talks are “on pause,” the Kremlin said.")
['talks', 'are', 'on', 'pause', 'the', 'kremlin', 'said']
"""

from __future__ import annotations

from presslens import config, plot
from presslens._presslens import __version__
from presslens.align import align_sentences, similarity, unique_sentences
from presslens.clean import Cleaned, Removal, clean
from presslens.corpus import Corpus, Document
from presslens.exceptions import (
    CorpusFormatError,
    EmptyCorpusError,
    InternalError,
    InvalidArgumentError,
    MissingDependencyError,
    NotFittedError,
    PressLensError,
    UnknownLanguageError,
)
from presslens.overlap import (
    MinHashLSH,
    OverlapMatrix,
    Reuse,
    near_duplicates,
    overlap,
    reuse,
    shared_passages,
)
from presslens.quotes import quote_clusters, quotes
from presslens.stories import cluster_stories
from presslens.streaming import DocumentFrequencies, ShingleCounts, iter_batches
from presslens.summarize import (
    RougeScore,
    Summary,
    SummarySentence,
    SummaryWarning,
    rouge,
    sentence_scores,
    summarize,
)
from presslens.terms import TermCounts, collocations, distinctive_terms, term_counts, text_stats
from presslens.text import (
    normalize,
    sentence_spans,
    split_sentences,
    stem,
    stemmer_languages,
    stop_words,
    token_spans,
    tokenize,
)

__all__ = [
    "Cleaned",
    "Corpus",
    "CorpusFormatError",
    "Document",
    "DocumentFrequencies",
    "EmptyCorpusError",
    "InternalError",
    "InvalidArgumentError",
    "MinHashLSH",
    "MissingDependencyError",
    "NotFittedError",
    "OverlapMatrix",
    "PressLensError",
    "Removal",
    "Reuse",
    "RougeScore",
    "ShingleCounts",
    "Summary",
    "SummarySentence",
    "SummaryWarning",
    "TermCounts",
    "UnknownLanguageError",
    "__version__",
    "align_sentences",
    "clean",
    "cluster_stories",
    "collocations",
    "config",
    "distinctive_terms",
    "iter_batches",
    "near_duplicates",
    "normalize",
    "overlap",
    "plot",
    "quote_clusters",
    "quotes",
    "reuse",
    "rouge",
    "sentence_scores",
    "sentence_spans",
    "shared_passages",
    "similarity",
    "split_sentences",
    "stem",
    "stemmer_languages",
    "stop_words",
    "summarize",
    "term_counts",
    "text_stats",
    "token_spans",
    "tokenize",
    "unique_sentences",
]
