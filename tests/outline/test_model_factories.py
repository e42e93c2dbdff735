"""The outline and theme models' empty defaults: made by Python functions, never builtins.

pydantic reads a default factory's signature when it builds a model; a builtin's (`list`,
`dict`) is parsed from its text by `tokenize`, whose first use compiles a 7 ms regular
expression on the path of every command that validates an outline.
"""

from __future__ import annotations

import types

import pytest

from briefing.outline.models import OutlineFile, QuoteRef, SlideSpec, ThemeFile
from briefing.sources.catalogue_entry import CatalogueEntry
from tests.conftest import python_probe

MODELS = (OutlineFile, SlideSpec, QuoteRef, ThemeFile, CatalogueEntry)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_default_factory_is_a_python_function(model: type) -> None:
    for name, field in model.model_fields.items():
        factory = field.default_factory
        assert factory is None or isinstance(factory, types.FunctionType), (
            f"{model.__name__}.{name}: default_factory={factory!r} is a builtin"
        )


def test_empty_defaults_are_fresh_and_empty() -> None:
    one, two = SlideSpec(title="One"), SlideSpec(title="Two")
    assert one.bullets == [] and one.pins == [] and one.exclude == []
    assert one.bullets is not two.bullets  # each slide its own list
    theme = ThemeFile(title="T", keywords=["k"])
    assert theme.weights == {} and theme.exclude == [] and theme.context == []
    assert OutlineFile(title="D", slides=[one]).language == ["en"]


def test_validating_an_outline_tokenizes_nothing() -> None:
    """In a fresh process: building the models and validating an outline never compiles
    `tokenize`'s pattern (it did once for every builtin default factory)."""
    code = (
        "import tokenize\n"
        "from briefing.outline.models import OutlineFile\n"
        "OutlineFile.model_validate({'title': 'D', 'slides': [{'title': 'S', 'bullets': ['b']}]})\n"
        "print(tokenize._compile.cache_info().currsize)\n"
    )
    found = python_probe(code)
    assert found.stdout.strip() == "0", found.stderr[-500:]
