"""Values read from query parameters, which anyone can type."""


def whole_number(value: str | None, *, max_digits: int = 18) -> int | None:
    """The number a parameter holds, or None when it holds something else.

    Only ASCII digits count: "²⁰²⁴" passes ``str.isdigit()`` yet ``int()`` refuses it, and more
    digits than a database integer holds would fail the query.
    """
    if value and value.isascii() and value.isdigit() and len(value) <= max_digits:
        return int(value)
    return None
