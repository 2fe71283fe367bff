"""Everything `dist/` holds: offline archive, single-file HTML, PDF, EPUB, data, llms.txt."""
