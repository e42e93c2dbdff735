"""The speaker-notes sandbox: Jinja2's immutable sandbox plus bounds on work, size and depth.

Outlines are shared files, so a notes template is untrusted code. Jinja2's sandbox stops it
reaching Python internals; these limits stop it hanging or eating memory (`'x' * 10**9`, nested
`range(100000)` loops, a macro calling itself). Every breach is a `NotesLimit`, a Jinja2
`SecurityError`, so callers report it like any other template error.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator
from functools import wraps
from typing import Any

from jinja2 import StrictUndefined, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Namespace, generate_lorem_ipsum

MAX_TEMPLATE = 20_000  # characters of template source per slide
MAX_OUTPUT = 100_000  # characters of rendered notes per slide
MAX_SIZE = 100_000  # longest string or list a template may build
MAX_PRODUCED = 2_000_000  # characters built in all, over one render
MAX_NUMBER = 1_000_000  # largest number passed to a function or filter (widths, counts)
MAX_STEPS = 50_000  # loop iterations and calls, over one render
MAX_DEPTH = 40  # calls nested inside calls (a macro calling itself)
MAX_SECONDS = 2.0  # wall time of one render

_WIDE_FORMAT = re.compile(r"%[^a-zA-Z%]*?(\d{5,}|\*)|\{[^{}]*?\d{5,}[^{}]*\}")


class NotesLimit(SecurityError):
    """A notes template went over one of the sandbox's limits."""


class _BoundedNamespace(Namespace):
    """`namespace()` whose attributes cannot grow past the size limit."""

    def __setitem__(self, name: str, value: Any) -> None:
        _check_size(value)
        super().__setitem__(name, value)


def _check_size(value: Any) -> Any:
    if isinstance(value, str | list | tuple | dict | bytes) and len(value) > MAX_SIZE:
        raise NotesLimit(f"built a value of {len(value):,} items; the limit is {MAX_SIZE:,}")
    return value


def _check_numbers(values: Iterable[Any]) -> None:
    for value in values:
        if isinstance(value, int | float) and abs(value) > MAX_NUMBER:
            raise NotesLimit(f"the number {value:.0f} is too large here (limit {MAX_NUMBER:,})")


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """One render's sandbox: make a new one per render, its counters are that render's."""

    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self) -> None:
        super().__init__(undefined=StrictUndefined, autoescape=False)
        self.deadline = time.monotonic() + MAX_SECONDS
        self.steps = 0
        self.produced = 0
        self.depth = 0
        self.globals.update(range=self._range, lipsum=self._lipsum, namespace=_BoundedNamespace)
        self.filters = {name: self._bounded_filter(f) for name, f in self.filters.items()}
        self.filters["_notes_steps"] = self._steps

    def step(self) -> None:
        """Count one unit of work; stop when the render has done too much or run too long."""
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise NotesLimit(
                f"stopped after {MAX_STEPS:,} loop steps and calls; simplify its loops"
            )
        if time.monotonic() > self.deadline:
            raise NotesLimit(f"stopped after {MAX_SECONDS:g} s; simplify its loops")

    def made(self, value: Any) -> Any:
        """Account for a value the template built; refuse one too large."""
        _check_size(value)
        if isinstance(value, str | list | tuple | dict | bytes):
            self.produced += len(value)
            if self.produced > MAX_PRODUCED:
                raise NotesLimit(f"built more than {MAX_PRODUCED:,} characters; simplify it")
        return value

    def _steps(self, iterable: Any) -> Iterator[Any]:
        for item in iterable:
            self.step()
            yield item

    def _range(self, *args: int) -> range:
        _check_numbers(args)
        made = range(*args)
        if len(made) > MAX_SIZE:
            raise NotesLimit(f"range of {len(made):,} numbers; the limit is {MAX_SIZE:,}")
        return made

    def _lipsum(self, n: int = 5, html: bool = False, min: int = 20, max: int = 100) -> str:
        if not (0 <= n <= 50 and 0 <= min <= max <= 200):
            raise NotesLimit("lipsum() takes at most 50 paragraphs of at most 200 words")
        return self.made(str(generate_lorem_ipsum(n, html, min, max)))

    def _bounded_filter(self, function: Any) -> Any:
        skip = 1 if getattr(function, "jinja_pass_arg", None) else 0  # context comes first

        @wraps(function)
        def bounded(*args: Any, **kwargs: Any) -> Any:
            self.step()
            own = args[skip:]
            _check_numbers([*own[1:], *kwargs.values()])
            _precheck(function.__name__, own, kwargs)
            return self.made(function(*args, **kwargs))

        return bounded

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """`*`, `**`, `%` and `+` with their results' sizes checked before they are built."""
        self.step()
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                sized = isinstance(seq, str | list | tuple) and isinstance(times, int)
                if sized and len(seq) * times > MAX_SIZE:
                    raise NotesLimit(f"repeats a value {times:,} times; too large")
        ints = operator == "**" and isinstance(left, int) and isinstance(right, int)
        if ints and right > 0 and max(left.bit_length(), 1) * right > 100_000:
            raise NotesLimit(f"{left} ** {right} is too large")
        if operator == "%" and isinstance(left, str) and _WIDE_FORMAT.search(left):
            raise NotesLimit("a format with a huge or `*` width; use a width under 10000")
        return self.made(super().call_binop(context, operator, left, right))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """Every call from the template: counted, nested at most MAX_DEPTH, sizes checked."""
        __self.step()
        for value in (*args, *kwargs.values()):
            _check_size(value)
        _check_numbers([*args, *kwargs.values()])
        target = getattr(__obj, "__wrapped__", __obj)
        if isinstance(getattr(target, "__self__", None), str):
            _precheck(target.__name__, (target.__self__, *args), kwargs)
        if __self.depth >= MAX_DEPTH:
            raise NotesLimit(f"calls nested more than {MAX_DEPTH} deep (a macro calling itself?)")
        __self.depth += 1
        try:
            return __self.made(super().call(__context, __obj, *args, **kwargs))
        finally:
            __self.depth -= 1

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """The parsed template, with every loop counted and every `~` size-checked."""
        tree = super()._parse(source, name, filename)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Filter(loop.iter, "_notes_steps", [], [], None, None)
            loop.iter.set_lineno(loop.lineno)
        for parent in list(tree.find_all(nodes.Node)):
            for field, child in parent.iter_fields():
                if isinstance(child, list):
                    setattr(parent, field, [_sized(c) for c in child])
                else:
                    setattr(parent, field, _sized(child))
        return tree


def _sized(node: Any) -> Any:
    """A `~` expression wrapped in the (bounded) `string` filter, so its size is checked."""
    if not isinstance(node, nodes.Concat):
        return node
    return nodes.Filter(node, "string", [], [], None, None).set_lineno(node.lineno)


def _precheck(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse a string operation whose result would be huge, before it is built."""
    value = args[0] if args else None
    rest = [*args[1:], *kwargs.values()]
    formats = name in {"format", "format_map", "do_format"} and isinstance(value, str)
    if formats and _WIDE_FORMAT.search(value):
        raise NotesLimit("a format with a huge or `*` width; use a width under 10000")
    if name in {"replace", "do_replace"} and isinstance(value, str) and len(rest) >= 2:
        old, new = str(rest[0]), str(rest[1])
        count = value.count(old) if old else len(value) + 1
        if count * len(new) > MAX_SIZE:
            raise NotesLimit("replace() would build too large a text")
    if name in {"join", "do_join", "sync_do_join"}:
        items = rest[0] if isinstance(value, str) and rest else value
        sep = value if isinstance(value, str) else (rest[0] if rest else "")
        if isinstance(items, list | tuple | range) and len(items) * len(str(sep)) > MAX_SIZE:
            raise NotesLimit("join() would build too large a text")
    if name in {"do_indent", "indent"} and isinstance(value, str):
        width = kwargs.get("width", args[1] if len(args) > 1 else 4)
        size = width if isinstance(width, int) else len(str(width))
        if size * (value.count("\n") + 1) > MAX_SIZE:
            raise NotesLimit("indent() would build too large a text")
    if name in {"expandtabs"} and isinstance(value, str):
        size = rest[0] if rest and isinstance(rest[0], int) else 8
        if size * value.count("\t") > MAX_SIZE:
            raise NotesLimit("expandtabs() would build too large a text")


def render_bounded(template: str, context: dict[str, Any]) -> str:
    """Render a notes template inside the limits; raises Jinja2's TemplateError on any failure."""
    if len(template) > MAX_TEMPLATE:
        raise NotesLimit(
            f"the template is {len(template):,} characters; the limit is {MAX_TEMPLATE:,}"
        )
    env = BoundedSandbox()
    compiled = env.from_string(template)
    parts: list[str] = []
    size = 0
    for chunk in compiled.generate(**context):
        size += len(chunk)
        if size > MAX_OUTPUT:
            raise NotesLimit(f"its output passed {MAX_OUTPUT:,} characters; shorten it")
        parts.append(chunk)
    return "".join(parts)


class NotesFailure(Exception):
    """A notes template that did not render: why, its line in the template, the name at fault."""

    def __init__(self, message: str, line: int | None, name: str | None) -> None:
        super().__init__(message)
        self.message, self.line, self.name = message, line, name


def render_notes(template: str, context: dict[str, Any]) -> str:
    """Render inside the limits; any failure (syntax, unknown filter or name, a limit, or a
    Python error in a filter) becomes one NotesFailure."""
    from jinja2 import TemplateError, TemplateSyntaxError

    try:
        return render_bounded(template, context)
    except TemplateSyntaxError as exc:
        raise NotesFailure(_explain(exc, context), exc.lineno, _name_in(str(exc))) from None
    except TemplateError as exc:
        message = _explain(exc, context)
        raise NotesFailure(message, _template_line(exc), _name_in(str(exc))) from None
    except RecursionError:
        raise NotesFailure("nested too deeply; simplify it", None, None) from None
    except Exception as exc:  # noqa: BLE001 - user code: any error in it is the user's to fix
        message = f"{type(exc).__name__}: {exc}"
        raise NotesFailure(message, _template_line(exc), None) from None


def _fields(value: Any) -> set[str]:
    """Every field name in the context, for did-you-mean."""
    if isinstance(value, dict):
        return set(value).union(*(_fields(v) for v in value.values()))
    if isinstance(value, list) and value:
        return _fields(value[0])
    return set()


def _explain(exc: Exception, context: dict[str, Any]) -> str:
    from briefing.suggest import did_you_mean

    text = str(exc).rstrip(".")
    match = re.fullmatch(r"'dict object' has no attribute '([^']+)'", text)
    if match:
        return f"no field '{match[1]}'{did_you_mean(match[1], _fields(context))}"
    match = re.fullmatch(r"No filter named '([^']+)'", text)
    if match:
        from jinja2.filters import FILTERS

        return f"unknown filter '{match[1]}'{did_you_mean(match[1], list(FILTERS))}"
    if re.fullmatch(r"'[^']+' is undefined", text):
        known = "deck, slide, theme, excerpts, sources, number, total"
        return f"{text}; the notes can use {known} (see the README's Speaker notes)"
    return text


def _name_in(text: str) -> str | None:
    """The name an error is about: the last quoted word of its message."""
    found = re.findall(r"'([^']+)'", text)
    return found[-1] if found else None


def _template_line(exc: BaseException) -> int | None:
    """The template line a runtime error happened on, from Jinja2's rewritten traceback."""
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line
