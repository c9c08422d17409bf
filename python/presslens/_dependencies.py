"""Lazy imports of optional dependencies, with errors that name the extra to install."""

from __future__ import annotations

import importlib
from types import ModuleType

from presslens.exceptions import MissingDependencyError

_EXTRA = {
    "pandas": "pandas",
    "scipy": "scipy",
    "scipy.sparse": "scipy",
    "pyarrow": "arrow",
    "pyarrow.parquet": "arrow",
    "matplotlib": "plot",
    "matplotlib.pyplot": "plot",
    "tqdm": "progress",
    "tqdm.auto": "progress",
    "dask": "dask",
    "dask.dataframe": "dask",
    "distributed": "dask",
}


def require(module: str, *, feature: str | None = None) -> ModuleType:
    """Import an optional dependency or raise :class:`MissingDependencyError`.

    Parameters
    ----------
    module
        Dotted module name, e.g. ``"pandas"``.
    feature
        What needs it, for the message (e.g. ``"Corpus.to_pandas"``).

    Returns
    -------
    ModuleType
        The imported module.

    Raises
    ------
    MissingDependencyError
        When the module is not installed; the message names the pip extra.

    Examples
    --------
    >>> require("json").__name__
    'json'
    """
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        extra = _EXTRA.get(module, module.split(".")[0])
        what = f"{feature} needs" if feature else "this feature needs"
        raise MissingDependencyError(
            f"{what} the optional dependency {module!r}; install it with "
            f"`pip install 'presslens[{extra}]'`"
        ) from exc


def pandas(feature: str | None = None) -> ModuleType:
    """Import pandas lazily (extra ``pandas``)."""
    return require("pandas", feature=feature)
