"""What a plan file is: its model and vocabulary, periods, loading and validation, where
a key stands, provinces, ids, entries as TOML, the schema."""
