"""The Large Model Primer generator, one sub-package per stage a page passes through (README, "Layout")."""
