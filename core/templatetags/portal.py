"""Small template helpers shared by the apps."""

from django import template

register = template.Library()


@register.filter
def get_item(mapping: dict, key):
    """``{{ counts|get_item:code }}``: a dictionary lookup with a variable key."""
    if not mapping:
        return None
    return mapping.get(key)
