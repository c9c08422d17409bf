"""The README's Python examples run and give the results they show."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_python_blocks_run(capsys: object) -> None:
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
    assert blocks
    namespace: dict[str, object] = {}  # blocks build on each other, as in a notebook
    for block in blocks:
        lines = block.splitlines()
        # A line "# <repr>" right after an expression states that expression's value.
        for i, line in enumerate(lines):
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if (
                nxt.startswith("# ")
                and line
                and not line.startswith(("#", " "))
                and "=" not in line.split("(")[0]
            ):
                value = eval(line, namespace)
                assert repr(value) == nxt[2:], (line, repr(value))
            elif line.strip() and not line.startswith("#"):
                exec(line, namespace)
