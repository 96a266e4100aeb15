"""Results to screens and files: words in both languages, cells, the report formats,
status, trend, exports."""
