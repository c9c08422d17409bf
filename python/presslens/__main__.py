"""``python -m presslens``: the command-line interface."""

from presslens.cli import main

raise SystemExit(main())
