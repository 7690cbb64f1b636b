"""What the API answers with, by app: each serializer says which fields of a row are public.

Bilingual fields are given in both languages (``name_vi``, ``name_en``), as the API is not under
a language prefix; a field not yet translated is null in English. Dates and times are ISO 8601.
Figures, targets and amounts are decimal strings with two decimals (``"35000.00"``), so no
client loses precision to floating point. Codes (``kind``, ``status``, ``format``…) are the
portal's own, listed in the schema.
"""
