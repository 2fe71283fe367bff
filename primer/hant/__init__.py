"""The 繁體中文 (zh-Hant, Taiwan) edition, derived from the Simplified content.

OpenCC's `s2twp` converts characters and swaps in Taiwan's words; a reviewed table of phrases
(`content/zh-hant/phrases.yml`) corrects it where our subject needs another word, and a
contributor's `zh-Hant.md` replaces a whole page. Modules: `convert` (text and the phrase table),
`memo` (conversions kept between processes), `markdown` (what must not be converted), `sources`
(the Simplified texts, YAML fields), `phrases` (the table, its checks, page overrides), `overrides`
(an override still has its zh.md's headings, citations, figures and links), `leaks` and `pageleaks`
(characters that exist only in Simplified, in text and in built pages), `search` (segmentation of
Traditional text) and `collation` (the glossary in stroke order)."""
