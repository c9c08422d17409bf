"""DataFrame subclasses that keep pandas' behaviour and add a notebook display.

Imported only when pandas is (lazily, by the functions that return these frames). The classes
live at module level so frames pickle by reference (Dask workers, multiprocessing).
"""

from __future__ import annotations

from typing import Any, ClassVar

import pandas as pd

__all__ = ["QuoteClusters"]


class QuoteClusters(pd.DataFrame):
    """The frame :func:`presslens.quote_clusters` returns, with a side-by-side display.

    A ``pandas.DataFrame`` in every respect; its notebook display shows each statement with
    its renderings side by side.

    Slices and derived frames stay ``QuoteClusters``; when they lack the columns the display
    needs, they display as a plain frame.
    """

    _metadata: ClassVar[list[str]] = []

    @property
    def _constructor(self) -> Any:
        return QuoteClusters

    def _repr_html_(self) -> str | None:
        from presslens._display import quote_clusters_html

        html = quote_clusters_html(self)
        if html is not None:
            return html
        plain: str | None = pd.DataFrame(self)._repr_html_()  # type: ignore[operator]
        return plain
