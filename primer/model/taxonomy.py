"""Classification axes and their classes."""

from __future__ import annotations

from dataclasses import dataclass

from primer.content.fields import LANGS, FieldReader, as_mapping
from primer.content.schemas import keys
from primer.model.common import Localized, Origin


@dataclass(frozen=True, slots=True, kw_only=True)
class TaxonomyClass:
    """One class of a classification axis, such as `multimodal` or `l1`."""

    id: str
    name: Localized
    description: Localized
    origin: Origin

    @classmethod
    def from_yaml(cls, reader: FieldReader) -> TaxonomyClass:
        """Reads one class of an axis."""
        reader.check_keys(keys("taxonomy", "axes", "items", "classes", "items"))
        name, description = _names(reader)
        return cls(id=reader.identifier("id"), name=name, description=description, origin=Origin.of(reader))


@dataclass(frozen=True, slots=True, kw_only=True)
class TaxonomyAxis:
    """A way of classifying models (input modality, application level)."""

    id: str
    name: Localized
    description: Localized
    classes: tuple[TaxonomyClass, ...]
    sources: tuple[str, ...]
    origin: Origin



    @classmethod
    def from_yaml(cls, reader: FieldReader) -> TaxonomyAxis:
        """Reads one axis of `content/taxonomy.yml` with its classes."""
        reader.check_keys(keys("taxonomy", "axes", "items"))
        name, description = _names(reader)
        classes = []
        raw = reader.data.get("classes")
        if not isinstance(raw, list) or not raw:
            reader.error("classes", "'classes' must list at least one class")
        else:
            for item in raw:
                sub = as_mapping(item, reader.path, reader.issues)
                if sub is not None:
                    classes.append(TaxonomyClass.from_yaml(FieldReader(sub, reader.path, reader.issues)))
        return cls(
            id=reader.identifier("id"), name=name, description=description, classes=tuple(classes),
            sources=reader.ids("sources"), origin=Origin.of(reader),
        )


def _names(reader: FieldReader) -> tuple[Localized, Localized]:
    """Reads the `zh: {name, description}` and `en: {...}` blocks shared by axes and classes."""
    name, description = {}, {}
    for lang in LANGS:
        block = reader.mapping(lang)
        if block:
            block.check_keys(keys("taxonomy", "axes", "items", "zh"))
        name[lang] = block.text("name", max_length=120) if block else ""
        description[lang] = block.text("description") if block else ""
    return Localized.of(name), Localized.of(description)
