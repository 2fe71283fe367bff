"""The zh-Hant conversion of all real content, and the search segmentation of Traditional text.

Conversion: `cold` is a fresh interpreter (imports, OpenCC's dictionaries, the phrase table, every
text); `warm` converts everything again in the same process. Segmentation: every run of Han
characters of the content, as Material's search plugin hands it to jieba, segmented three ways and
compared with the segmentation of the Simplified source (`segment_source`). Usage:
    .venv/bin/python -m benchmarks.hant_bench [--repeat N]"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
COLD = """
import json, time
start = time.perf_counter()
from pathlib import Path
from primer.hant.markdown import convert_markdown
from primer.hant.phrases import hant_converter
from primer.hant.sources import simplified_texts
root = Path(".")
texts = list(simplified_texts(root))
read = time.perf_counter()
convert = hant_converter(root).convert
out = [convert_markdown(text, convert) if path.endswith(".md") else convert(text) for path, text in texts]
print(json.dumps({"total": time.perf_counter() - start, "convert": time.perf_counter() - read,
                  "chars": sum(len(text) for _, text in texts), "texts": len(texts)}))
"""


def conversion(repeat: int) -> dict[str, float]:
    """Times cold conversions (fresh interpreters) and warm ones (same process), medians in seconds."""
    colds = [json.loads(subprocess.run([sys.executable, "-c", COLD], cwd=ROOT, capture_output=True, text=True,
                                       check=True).stdout) for _ in range(repeat)]
    from primer.hant.markdown import convert_markdown
    from primer.hant.phrases import hant_converter
    from primer.hant.sources import simplified_texts

    texts = list(simplified_texts(ROOT))
    convert = hant_converter(ROOT).convert
    warm = []
    for _ in range(repeat + 1):
        start = time.perf_counter()
        for path, text in texts:
            convert_markdown(text, convert) if path.endswith(".md") else convert(text)
        warm.append(time.perf_counter() - start)
    return {"texts": colds[0]["texts"], "chars": colds[0]["chars"],
            "cold_total": statistics.median(c["total"] for c in colds),
            "cold_convert": statistics.median(c["convert"] for c in colds),
            "warm": statistics.median(warm[1:])}


def segmentation() -> dict[str, dict[str, float]]:
    """Compares direct and projected segmentation of Traditional runs with the source's."""
    import jieba

    from primer.content.yamlsource import safe_load
    from primer.hant.phrases import hant_converter
    from primer.hant.search import HAN_RUN, ProjectedCutter, agreement, projection_words, segment_source
    from primer.hant.sources import simplified_texts

    convert = hant_converter(ROOT).convert
    names = sorted({name for path in (ROOT / "content/glossary").glob("*.yml")
                    for name in _names(safe_load(path.read_text(encoding="utf-8")))})
    simplified_cut = jieba.Tokenizer()
    for name in names:
        simplified_cut.add_word(name, 100000)
    hant_names = [convert(name) for name in names]
    direct_cut = jieba.Tokenizer()  # today's set-up plus the Traditional glossary: the best direct case
    for name in names + hant_names:
        direct_cut.add_word(name, 100000)
    runs = [run for _, text in simplified_texts(ROOT) for run in HAN_RUN.findall(text)]
    reference = [segment_source(run, simplified_cut.cut, convert) for run in runs]
    hant_runs = ["".join(words) for words in reference]
    source_words = sorted({word for words in reference for word in words})
    cutters = {"direct": direct_cut.cut}
    for label, words in (("projected", hant_names), ("projected_with_source_words", hant_names + source_words)):
        tokenizer = jieba.Tokenizer()
        for name in names + projection_words(words):
            tokenizer.add_word(name, 100000)
        cutters[label] = ProjectedCutter(lambda text, tokenizer=tokenizer: tokenizer.cut(text)).cut
    results = {}
    for label, cut in cutters.items():
        candidate = [list(cut(run)) for run in hant_runs]
        score = agreement(zip(reference, candidate, strict=True))
        results[label] = {"boundary_precision": score.boundary_precision, "boundary_recall": score.boundary_recall,
                          "boundary_f1": score.boundary_f1, "words_kept": score.words_kept}
    results["runs"] = {"count": len(runs), "chars": sum(len(run) for run in runs)}
    return results


def _names(data: dict[str, Any]) -> list[str]:
    """Returns a glossary file's Chinese term and aliases without spaces, as the jieba dictionary has them."""
    zh = data.get("zh") or {}
    return [name for name in [zh.get("term"), *(zh.get("aliases") or [])] if isinstance(name, str) and " " not in name]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    print(json.dumps({"conversion": conversion(args.repeat), "segmentation": segmentation()}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
