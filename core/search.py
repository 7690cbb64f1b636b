"""Search that ignores Vietnamese diacritics, the same on SQLite and PostgreSQL.

Visitors type without tone marks ("nhua", "da nang"); the data has them ("nhựa", "Đà Nẵng").
Both sides are folded to lower-case ASCII letters by one table: in Python for the query, and in
the database by a ``portal_fold(text)`` SQL function. On SQLite that function is this module's
``fold`` registered on each connection (``core.apps``). On PostgreSQL a migration creates it
with the ``unaccent`` extension where the database lets it, about fifty times faster, and
otherwise as a plain SQL ``translate()`` built from the same table.
"""

import unicodedata
from collections.abc import Iterable

from django.db import models
from django.db.models import Q, QuerySet
from django.db.models.functions import Cast
from django.db.models.lookups import Contains

MAX_QUERY_TERMS = 8


def _build_table() -> tuple[str, str]:
    """Every accented Latin letter in the blocks Vietnamese uses, with its bare letter."""
    source, target = [], []
    for code in [*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)]:
        char = chr(code)
        decomposed = unicodedata.normalize("NFD", char)
        base = decomposed[0]
        if (
            len(decomposed) > 1
            and base.isascii()
            and base.isalpha()
            and all(unicodedata.combining(mark) for mark in decomposed[1:])
        ):
            source.append(char)
            target.append(base)
    # Đ/đ are letters of their own in Unicode, not D with a mark, but readers fold them to d.
    source += ["Đ", "đ"]
    target += ["D", "d"]
    return "".join(source), "".join(target)


FOLD_FROM, FOLD_TO = _build_table()
_FOLD_MAP = str.maketrans(FOLD_FROM, FOLD_TO)


def fold(value: object) -> str | None:
    """Lower-case ``value`` with Vietnamese (and other Latin) diacritics removed."""
    if value is None:
        return None
    text = unicodedata.normalize("NFC", str(value))
    return text.translate(_FOLD_MAP).lower()


def fold_fields(values: Iterable[object]) -> str:
    """The folded search text of a row: one field per line, so a search word never spans two."""
    return fold("\n".join(str(value or "") for value in values)) or ""


def fill_search_text(model, fields: tuple[str, ...], batch_size: int = 2000) -> None:
    """Folds ``fields`` into ``search_text`` for every row of ``model``: for migrations, whose
    historical models have no methods, and for rows written in bulk."""
    rows = []
    for row in model.objects.only("pk", *fields).iterator(chunk_size=batch_size):
        row.search_text = fold_fields(getattr(row, name) for name in fields)
        rows.append(row)
        if len(rows) == batch_size:
            model.objects.bulk_update(rows, ["search_text"])
            rows = []
    model.objects.bulk_update(rows, ["search_text"])


class Fold(models.Func):
    """``portal_fold(expression)``: the database side of :func:`fold`."""

    function = "portal_fold"
    output_field = models.TextField()

    def __init__(self, expression, **extra):
        super().__init__(Cast(expression, models.TextField()), **extra)


def postgresql_function_sql() -> str:
    """SQL creating ``portal_fold`` on PostgreSQL; lower() runs after translate() so the
    result does not depend on the database's collation for non-ASCII letters."""
    source = FOLD_FROM.replace("'", "''")
    target = FOLD_TO.replace("'", "''")
    return (
        "CREATE OR REPLACE FUNCTION portal_fold(value text) RETURNS text AS $$ "
        f"SELECT lower(translate(normalize(value, NFC), '{source}', '{target}')) "
        "$$ LANGUAGE SQL IMMUTABLE STRICT PARALLEL SAFE;"
    )


def search_terms(query: str | None) -> list[str]:
    """The folded words of a visitor's query, bounded so a hostile query stays cheap."""
    folded = fold((query or "")[:200]) or ""
    return [term for term in folded.split() if term][:MAX_QUERY_TERMS]


def accent_insensitive_search(queryset: QuerySet, query: str | None, fields: Iterable[str]) -> QuerySet:
    """Rows where every word of ``query`` occurs in at least one of ``fields``, ignoring
    diacritics and case. An empty query returns the queryset unchanged.

    A ``search_text`` field (see ``SearchTextModel``) is folded already and compared as it is;
    other fields are folded by the database while searching, which is fine for small tables.

    A field of another table (``person__search_text``) is matched in that table alone and its
    rows chosen by id: no join repeats the rows searched, so the list needs no DISTINCT."""
    terms = search_terms(query)
    if not terms:
        return queryset
    fields = list(fields)
    condition = Q()
    for term in terms:
        any_field = Q()
        for field in fields:
            any_field |= _holds(queryset.model, field, term)
        condition &= any_field
    return queryset.filter(condition)


def _holds(model: type[models.Model], path: str, term: str) -> Q:
    """The rows of ``model`` whose field at ``path`` holds the folded ``term``."""
    name, _, rest = path.partition("__")
    if not rest:
        if name == "search_text":
            return Q(search_text__contains=term)
        if isinstance(model._meta.get_field(name), models.EmailField):
            # Addresses are ASCII: compared without case, and without folding each one.
            return Q(**{f"{name}__icontains": term})
        # Folding is the costly part: empty values, most of a large table's, are skipped first.
        return ~Q(**{name: ""}) & Q(Contains(Fold(name), term))
    field = model._meta.get_field(name)
    related = field.related_model
    matching = related._base_manager.filter(_holds(related, rest, term))
    if field.many_to_one or (field.one_to_one and field.concrete):
        return Q(**{f"{name}__in": matching.values("pk")})
    if field.one_to_many:
        return Q(pk__in=matching.values(field.field.name))
    return Q(pk__in=model._base_manager.filter(**{f"{name}__in": matching.values("pk")}).values("pk"))
