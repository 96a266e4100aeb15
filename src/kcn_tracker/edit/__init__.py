"""Safe changes to plan files: record, revocation, new, fmt; every change checked before
it is written."""
