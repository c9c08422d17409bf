"""Bundled datasets.

The demo corpus is a fictional story written for presslens: several fictional outlets cover the
same events, one wire story is republished by two outlets (one lightly edited), one spoken
statement appears in several English translations, and the raw texts carry the noise scrapers
deliver (newsletter and donation appeals, "Related" lists, captions, markdown links, a
paragraph broken mid-sentence). A second, unrelated story is mixed in.

Examples
--------
>>> from presslens.datasets import load_demo
>>> demo = load_demo()
>>> len(demo) >= 10 and len(demo.outlets) >= 6
True
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from presslens.corpus import Corpus

__all__ = ["demo_path", "load_demo"]


def demo_path() -> Path:
    """Path of the demo corpus file (JSON lines: id, outlet, title, url, published, text).

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> demo_path().name
    'articles.jsonl'
    """
    return Path(str(resources.files("presslens.datasets").joinpath("demo", "articles.jsonl")))


def load_demo(*, clean: bool = False) -> Corpus:
    """Load the bundled demo corpus.

    Parameters
    ----------
    clean
        Clean the raw scraped texts (see :meth:`presslens.Corpus.clean`).

    Returns
    -------
    Corpus
        The demo articles, raw as scraped unless ``clean=True``.

    Examples
    --------
    >>> corpus = load_demo()
    >>> corpus.outlets[:2] == sorted(corpus.outlets)[:2]
    True
    """
    return Corpus.from_jsonl(demo_path(), clean=clean)
