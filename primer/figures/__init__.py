"""Figures: diagrams and charts drawn at build time as SVG whose words are real text in the page's
language, numbered where the sections place them, rendered by a Python-Markdown extension."""
