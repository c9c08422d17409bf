"""Pure-Python reference implementations (oracles for the tests; not shipped)."""
