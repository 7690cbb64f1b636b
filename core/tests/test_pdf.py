"""PDFs carry Vietnamese text with the vendored font, whatever fonts the machine has."""

import io

from django.template import engines
from pypdf import PdfReader

from core.pdf import render_pdf


def test_a_pdf_keeps_vietnamese_text_and_embeds_the_vendored_font(tmp_path, settings):
    template = tmp_path / "sample.html"
    template.write_text(
        "<h1>Báo cáo tổng hợp thường niên</h1><p>35.000 kg rác thải nhựa giá trị thấp được thu gom tại Đà Nẵng.</p>",
        encoding="utf-8",
    )
    settings.TEMPLATES[0]["DIRS"].append(tmp_path)
    engines._engines = {}
    try:
        pdf = render_pdf("sample.html", {})
    finally:
        settings.TEMPLATES[0]["DIRS"].remove(tmp_path)
        engines._engines = {}
    reader = PdfReader(io.BytesIO(pdf))
    text = reader.pages[0].extract_text()
    assert "Báo cáo tổng hợp thường niên" in text
    assert "35.000 kg rác thải nhựa giá trị thấp được thu gom tại Đà Nẵng" in text
    fonts = {font["/BaseFont"] for font in reader.pages[0]["/Resources"]["/Font"].values()}
    # The family declared in core.pdf, embedded from static/fonts rather than the system.
    assert any("Portal-Sans" in str(name) for name in fonts)
