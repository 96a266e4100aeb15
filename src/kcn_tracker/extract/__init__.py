"""A document to quantities: numbers with their scale and unit, what the words around
them say (qualifier, role, period), headings; and the reader of the figures a quote
states."""
