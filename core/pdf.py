"""PDF rendering with WeasyPrint, using the fonts shipped in ``static/fonts``.

The fonts are vendored (DejaVu Sans covers every Vietnamese letter) so a PDF looks the same on
a fresh machine as on ours, whatever fonts the system happens to have.
"""

from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string

FONT_DIR = Path(settings.BASE_DIR) / "static" / "fonts"

FONT_FACES = f"""
@font-face {{ font-family: "Portal Sans"; src: url("{(FONT_DIR / "DejaVuSans.ttf").as_uri()}"); }}
@font-face {{ font-family: "Portal Sans"; font-weight: bold; src: url("{(FONT_DIR / "DejaVuSans-Bold.ttf").as_uri()}"); }}
@font-face {{ font-family: "Portal Sans"; font-style: italic; src: url("{(FONT_DIR / "DejaVuSans-Oblique.ttf").as_uri()}"); }}
html {{ font-family: "Portal Sans", sans-serif; }}
"""


def render_pdf(template_name: str, context: dict, *, base_url: str | None = None) -> bytes:
    """Render a Django template to PDF bytes; the template's own CSS comes after the fonts."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    html = render_to_string(template_name, context)
    fonts = FontConfiguration()
    document = HTML(string=html, base_url=base_url or str(settings.BASE_DIR))
    return document.write_pdf(stylesheets=[CSS(string=FONT_FACES, font_config=fonts)], font_config=fonts)
