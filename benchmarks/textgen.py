"""Deterministic synthetic prose and term names in Chinese and English for the benchmarks.

The words are our own filler vocabulary, not article text; only the shape matters: mixed
Chinese/Latin sentences with the spacing and punctuation rules of CONTRIBUTING.md, glossary
names that nest inside one another (语言模型 inside 大语言模型), acronyms and plurals."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

ZH_MORPHEMES = (
    "语言", "视觉", "语音", "图像", "文本", "向量", "序列", "注意", "卷积", "循环", "生成", "判别", "对抗", "扩散",
    "稀疏", "稠密", "专家", "混合", "编码", "解码", "蒸馏", "剪枝", "量化", "对齐", "检索", "增强", "推理", "规划",
    "记忆", "强化", "监督", "迁移", "提示", "指令", "思维", "链式", "残差", "归一", "嵌入", "位置", "旋转", "门控",
    "池化", "张量", "梯度", "动量", "权重", "偏置", "激活", "损失", "奖励", "策略", "价值", "环境", "智能", "知识",
    "图谱", "符号", "逻辑", "多模", "自注", "因果", "掩码", "潜在",
)
ZH_HEADS = (
    "模型", "网络", "学习", "机制", "方法", "算法", "架构", "框架",
    "系统", "数据集", "编码器", "解码器", "优化器", "范式", "技术", "芯片",
)
ZH_NEST_PREFIXES = ("大", "小", "超", "多", "深", "浅", "轻", "宽")
ZH_SEED_TERMS = ("大模型", "语言模型", "大语言模型", "超大模型", "小模型")
ZH_WORDS = (
    "研究", "结果", "表明", "这种", "通常", "可以", "需要", "因为", "所以", "同时", "已经", "进一步", "显著",
    "提高", "降低", "影响", "问题", "实验", "发现", "规模", "数据", "训练", "任务", "能力", "性能", "过程", "结构",
    "应用", "领域", "发展", "计算", "资源", "成本", "效果", "评估", "指标", "分析", "比较", "说明", "例如", "其中",
    "这些", "不同", "相同", "更多", "较少", "主要", "重要", "基本", "一般", "具体", "相关", "有效", "稳定", "快速",
    "明显", "部分", "整体", "方向", "阶段", "历史", "时期", "研究者", "团队", "论文", "报告", "版本", "参数",
    "样本", "标签", "输入", "输出", "目标", "条件", "假设", "理论", "实践", "工具", "平台", "用户", "场景", "服务",
    "产品", "行业", "公司", "大学", "设计", "变化", "过去", "未来", "今天", "早期", "后来", "最初",
)
ZH_PARTICLES = (
    "的", "了", "在", "和", "与", "对", "把", "被", "是", "也",
    "都", "而", "并", "将", "从", "到", "为", "中", "上",
)
EN_ADJECTIVES = (
    "sparse", "dense", "causal", "masked", "latent", "recurrent", "convolutional", "generative", "contrastive",
    "adaptive", "hierarchical", "probabilistic", "shallow", "multilingual", "visual", "acoustic", "symbolic",
    "federated", "distributed", "quantized", "pruned", "distilled", "autoregressive", "bidirectional", "residual",
    "gated", "rotary", "relative", "local", "global", "structured", "unsupervised", "robust", "efficient",
    "modular", "retrieval", "instruction", "preference", "reward", "policy", "value", "memory", "token", "prompt",
    "vector", "graph", "knowledge", "semantic", "syntactic", "temporal", "spatial", "mixture", "expert", "routing",
    "continual", "curriculum",
)
EN_NOUNS = (
    "network", "encoder", "decoder", "embedding", "objective", "optimizer", "tokenizer", "scheduler", "benchmark",
    "dataset", "pipeline", "estimator", "classifier", "sampler", "agent", "planner", "retriever", "ranker",
    "adapter", "router", "gate", "layer", "kernel", "metric", "corpus", "index", "cache", "distillation",
    "alignment", "pretraining", "inference", "search", "decoding", "compression", "augmentation", "tuning",
)
EN_WORDS = (
    "the", "a", "an", "of", "in", "on", "for", "with", "by", "from", "to", "and", "or", "but", "that", "which",
    "this", "these", "those", "it", "its", "their", "researchers", "results", "show", "study", "method", "approach",
    "data", "training", "task", "ability", "performance", "process", "structure", "application", "field",
    "development", "computation", "resources", "cost", "effect", "evaluation", "analysis", "comparison", "example",
    "such", "as", "often", "usually", "can", "may", "must", "because", "therefore", "while", "already", "further",
    "clearly", "improves", "reduces", "affects", "problem", "experiment", "finds", "scale", "early", "later",
    "first", "version", "team", "paper", "report", "parameters", "samples", "labels", "input", "output", "goal",
    "condition", "theory", "practice", "tool", "platform", "users", "scenario", "service", "product", "industry",
    "company", "university", "design", "change", "past", "future", "today",
)
LATIN_TOKENS = ("GPU", "API", "2019", "2021", "10", "175", "3.5", "Python", "BF16", "A100")


@dataclass(frozen=True, slots=True)
class TermNames:
    """The surface forms of one synthetic term."""

    zh: str
    en: str
    abbr: str
    zh_aliases: tuple[str, ...]
    en_aliases: tuple[str, ...]


@dataclass(slots=True)
class NameFactory:
    """Hands out unique term names; about a third nest an earlier name inside a longer one."""

    rng: random.Random
    used: set[str] = field(default_factory=set)
    zh_names: list[str] = field(default_factory=list)
    en_names: list[str] = field(default_factory=list)

    def _claim(self, candidate: str) -> bool:
        key = candidate if candidate.isupper() else candidate.lower()
        if key in self.used:
            return False
        self.used.add(key)
        return True

    def _pick(self, make: object) -> str:
        for _ in range(1000):
            candidate = make()  # type: ignore[operator]
            if self._claim(candidate):
                return str(candidate)
        raise RuntimeError("ran out of synthetic names; enlarge the vocabulary")

    def zh(self) -> str:
        """Returns a new Chinese name."""
        if len(self.zh_names) < len(ZH_SEED_TERMS):
            name = ZH_SEED_TERMS[len(self.zh_names)]
            self._claim(name)
        else:
            name = self._pick(self._zh_candidate)
        self.zh_names.append(name)
        return name

    def _zh_candidate(self) -> str:
        rng = self.rng
        if self.zh_names and rng.random() < 0.3:  # nest an existing name: 视觉 + 语言模型
            prefix = rng.choice((*ZH_NEST_PREFIXES, *ZH_MORPHEMES[:20]))
            return str(prefix + rng.choice(self.zh_names))
        morphemes = rng.sample(ZH_MORPHEMES, rng.choice((1, 2, 2)))
        return "".join(morphemes) + rng.choice(ZH_HEADS)

    def en(self) -> str:
        """Returns a new English name (lower case, one to three words)."""
        name = self._pick(self._en_candidate)
        self.en_names.append(name)
        return name

    def _en_candidate(self) -> str:
        rng = self.rng
        if self.en_names and rng.random() < 0.3:  # nest: "sparse" + "expert network"
            return f"{rng.choice(EN_ADJECTIVES)} {rng.choice(self.en_names)}"
        words = rng.sample(EN_ADJECTIVES, rng.choice((1, 1, 2)))
        return " ".join(words) + " " + rng.choice(EN_NOUNS)

    def abbr(self) -> str:
        """Returns a new acronym such as `QXR` or `RTG-3`."""
        def make() -> str:
            letters = "".join(self.rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(self.rng.randint(3, 4)))
            return letters + (f"-{self.rng.randint(2, 9)}" if self.rng.random() < 0.3 else "")
        return self._pick(make)

    def term(self) -> TermNames:
        """Returns the names of one new term."""
        rng = self.rng
        zh, en = self.zh(), self.en()
        abbr = self.abbr() if rng.random() < 0.15 else ""
        zh_aliases = (self._pick(self._zh_candidate),) if rng.random() < 0.15 else ()
        en_aliases = (self._pick(self._en_candidate),) if rng.random() < 0.15 else ()
        return TermNames(zh=zh, en=en, abbr=abbr, zh_aliases=zh_aliases, en_aliases=en_aliases)


def spaced(name: str) -> str:
    """Pads a name with spaces where it touches Chinese text with a Latin letter or digit."""
    start = " " if name[:1].isascii() else ""
    end = " " if name[-1:].isascii() else ""
    return f"{start}{name}{end}"


class Prose:
    """Writes sentences that mention glossary terms, in one language."""

    def __init__(self, rng: random.Random, lang: str, mentions: list[str], other: list[str]) -> None:
        """Arguments: mentions: names to mention in this language; other: names in the other language."""
        self.rng, self.lang, self.mentions, self.other = rng, lang, mentions, other

    def _latin(self) -> str:
        return self.rng.choice(LATIN_TOKENS)

    def sentence(self, cite: str = "") -> str:
        """Returns one sentence, ending with `[@cite]` before the full stop when given."""
        words = self._zh_words() if self.lang == "zh" else self._en_words()
        tail = f"[@{cite}]" if cite else ""
        return (words + tail + "。") if self.lang == "zh" else (words + tail + ".")

    def _zh_words(self) -> str:
        rng, parts = self.rng, []
        for index in range(rng.randint(6, 12)):
            roll = rng.random()
            if roll < 0.18 and self.mentions:
                parts.append(spaced(rng.choice(self.mentions)))
            elif roll < 0.24:
                parts.append(f" {self._latin()} ")
            elif roll < 0.27 and self.other:
                parts.append(f" {rng.choice(self.other)} ")
            else:
                parts.append(rng.choice(ZH_WORDS))
            parts.append(rng.choice(ZH_PARTICLES) if index % 2 else "")
            if index == 5:
                parts.append("，")
        text = "".join(parts).replace("  ", " ").strip()
        return text.replace(" ，", "，").replace("， ", "，").rstrip("，")

    def _en_words(self) -> str:
        rng, parts = self.rng, []
        for _ in range(rng.randint(10, 18)):
            roll = rng.random()
            if roll < 0.14 and self.mentions:
                parts.append(rng.choice(self.mentions))
            elif roll < 0.18:
                parts.append(self._latin())
            elif roll < 0.20 and self.other:
                parts.append(f"({rng.choice(self.other)})")
            else:
                parts.append(rng.choice(EN_WORDS))
        text = " ".join(parts)
        return text[0].upper() + text[1:]

    def paragraph(self, cites: list[str]) -> str:
        """Returns three to five sentences; each of `cites` is cited once."""
        count = max(len(cites), self.rng.randint(3, 5))
        cited = cites + [""] * (count - len(cites))
        self.rng.shuffle(cited)
        return "".join(self.sentence(cite) for cite in cited) if self.lang == "zh" else \
            " ".join(self.sentence(cite) for cite in cited)
