"""Plans and an as-of date to results, as pure functions: evaluation, the status summary,
trends."""
