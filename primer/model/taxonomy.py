"""Classification axes and their classes."""

from __future__ import annotations

from dataclasses import dataclass

from primer.content.fields import LANGS, FieldReader
from primer.content.yamlsource import Mapping
from primer.model.common import Localized, Origin, Record


@dataclass(frozen=True, slots=True, kw_only=True)
class TaxonomyClass(Record):
    """One class of a classification axis, such as `multimodal` or `l1`."""

    name: Localized
    description: Localized

    @classmethod
    def from_yaml(cls, reader: FieldReader) -> TaxonomyClass:
        """Reads one class of an axis."""
        name, description = _names(reader)
        return cls(id=reader.identifier("id"), name=name, description=description, origin=Origin.of(reader))


@dataclass(frozen=True, slots=True, kw_only=True)
class TaxonomyAxis(Record):
    """A way of classifying models (input modality, application level)."""

    name: Localized
    description: Localized
    classes: tuple[TaxonomyClass, ...]
    sources: tuple[str, ...]

    @classmethod
    def from_yaml(cls, reader: FieldReader) -> TaxonomyAxis:
        """Reads one axis of `content/taxonomy.yml` with its classes."""
        name, description = _names(reader)
        raw = reader.data.get("classes")
        classes = [TaxonomyClass.from_yaml(FieldReader(item, reader.path, reader.issues))
                   for item in (raw if isinstance(raw, list) else ()) if isinstance(item, Mapping)]
        return cls(
            id=reader.identifier("id"), name=name, description=description, classes=tuple(classes),
            sources=reader.ids("sources"), origin=Origin.of(reader),
        )


def _names(reader: FieldReader) -> tuple[Localized, Localized]:
    """Reads the `zh: {name, description}` and `en: {...}` blocks shared by axes and classes."""
    name, description = {}, {}
    for lang in LANGS:
        block = reader.mapping(lang)
        name[lang] = block.text("name") if block else ""
        description[lang] = block.text("description") if block else ""
    return Localized.of(name), Localized.of(description)
