"""Plan files to findings (`kcn-tracker check`): structure, provenance, consistency,
acknowledgements, and the CI formats."""
