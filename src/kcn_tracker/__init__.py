"""kcn-tracker: investment-promotion targets of Vietnamese industrial zones, and how far
the figures in the source documents go towards them."""

__version__ = "0.1.0"
