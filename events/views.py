"""Public pages of this section."""

from django.views.generic import TemplateView


class SectionView(TemplateView):
    """The section's landing page in the main navigation."""
