//! Golden cases shared with pytest (tests/cases/*.toml).
