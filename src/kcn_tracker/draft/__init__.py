"""A document's quantities and a plan to proposed entries (`kcn-tracker draft`):
indicator, scope, quote, period."""
