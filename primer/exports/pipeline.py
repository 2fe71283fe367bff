"""`build.py export`: offline archive, single-file HTML, PDF, data and llms.txt into `dist/`,
built in a temporary folder and swapped in only when everything succeeded."""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from primer.exports.archive import zip_folder
from primer.exports.data import write_data
from primer.exports.llms import llms_full_txt, llms_txt
from primer.exports.pdf import print_pdf
from primer.exports.singlefile import single_file
from primer.model import Content
from primer.sitebuild import (
    LANG_CONFIGS,
    MANIFEST,
    LanguageBuild,
    build_languages,
    hosted_url,
    publish,
    write_root_files,
)

ARCHIVE = "large-model-primer-offline.zip"


def export_name(lang: str, suffix: str) -> str:
    """Returns the file name of a per-language export."""
    return f"large-model-primer-{lang}.{suffix}"


def write_manifest(folder: Path) -> None:
    """Lists every exported file with its size and SHA-256 (the download pages read it)."""
    files = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.name != MANIFEST):
        data = path.read_bytes()
        files.append({"path": path.relative_to(folder).as_posix(), "bytes": len(data),
                      "sha256": hashlib.sha256(data).hexdigest()})
    (folder / MANIFEST).write_text(json.dumps({"files": files}, indent=2) + "\n", encoding="utf-8")


def language_files(content: Content, offline: Path, staging: Path, lang: str, base: str) -> None:
    """Writes one language's single-file HTML, PDF and llms files (`base`: the hosted URL)."""
    html_file = staging / export_name(lang, "html")
    html_file.write_text(single_file(offline / lang, content, lang, base), encoding="utf-8")
    print_pdf(html_file, staging / export_name(lang, "pdf"), lang, content.pages["home"].title.get(lang))
    llms = staging / "llms" / lang
    llms.mkdir(parents=True, exist_ok=True)
    (llms / "llms.txt").write_text(llms_txt(content, lang, base), encoding="utf-8")
    (llms / "llms-full.txt").write_text(llms_full_txt(content, lang, base), encoding="utf-8")


def export(root: Path, content: Content, progress: Callable[[str], None]) -> list[LanguageBuild]:
    """Builds every export and publishes `dist/`; returns failed builds (none on success)."""
    langs = list(LANG_CONFIGS)
    work = Path(tempfile.mkdtemp(prefix=".export-work-", dir=root))
    staging = Path(tempfile.mkdtemp(prefix=".dist-staging-", dir=root))
    staging.chmod(0o755)  # mkdtemp makes it private; the published folder must be readable
    try:
        offline = work / "offline"
        results = build_languages(root, langs, offline, progress, extra_env={"PRIMER_OFFLINE": "true"},
                                  label="offline ")
        failed = [r for r in results or [] if not r.ok]
        if failed:
            return failed
        write_root_files(offline, hosted=False)
        progress("zipping the offline archive …")
        zip_folder(offline, staging / ARCHIVE)
        progress("writing single-file HTML and PDF …")
        bases = {lang: hosted_url(root, lang) for lang in langs}  # MkDocs config loading is not thread-safe
        with ThreadPoolExecutor(max_workers=len(langs)) as pool:
            list(pool.map(lambda lang: language_files(content, offline, staging, lang, bases[lang]), langs))
        write_data(content, staging / "data")
        write_manifest(staging)
        publish(staging, root / "dist")
        return []
    finally:
        for folder in (work, staging):
            if folder.exists():
                shutil.rmtree(folder)
