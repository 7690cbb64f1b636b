"""Moves every evidence file out of MEDIA_ROOT into private storage.

Evidence keeps its names: only the storage changed. Every file in the evidence folder moves,
including those of deleted evidence that history still names, so no evidence stays public. A
file missing from disk is not an error. Initiative documents need nothing: until now they were
all public (``is_public`` is new and defaults to public).
"""

from django.db import migrations

from core.private_files import root_file_move, root_folder_move

EVIDENCE_FOLDER = "initiatives/evidence"


def _evidence_names(apps) -> set[str]:
    names = set()
    for model in ("UpdateEvidence", "HistoricalUpdateEvidence"):
        names.update(apps.get_model("initiatives", model).objects.exclude(file="").values_list("file", flat=True))
    return names


def evidence_to_private(apps, schema_editor):
    for name in sorted(_evidence_names(apps)):
        root_file_move(name, to_private=True)
    root_folder_move(EVIDENCE_FOLDER, to_private=True)


def evidence_to_public(apps, schema_editor):
    for name in sorted(_evidence_names(apps)):
        root_file_move(name, to_private=False)
    root_folder_move(EVIDENCE_FOLDER, to_private=False)


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0006_private_files")]

    operations = [migrations.RunPython(evidence_to_private, evidence_to_public, elidable=False)]
