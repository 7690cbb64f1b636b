"""Moves the files of documents that are not public out of MEDIA_ROOT into private storage.

Their names gain the ``private/`` prefix by which ``core.private_files.DocumentStorage``
finds them under PRIVATE_MEDIA_ROOT. A file missing from disk is not an error: the row is renamed
all the same, so it is never served publicly should the file come back.
"""

from django.db import migrations

from core.private_files import PRIVATE_PREFIX, root_file_move


def documents_to_private(apps, schema_editor):
    EventDocument = apps.get_model("events", "EventDocument")
    rows = (
        EventDocument.objects.filter(is_public=False)
        .exclude(file="")
        .exclude(file__startswith=PRIVATE_PREFIX)
        .values_list("pk", "file")
    )
    for pk, name in list(rows):
        root_file_move(name, to_private=True)
        EventDocument.objects.filter(pk=pk).update(file=PRIVATE_PREFIX + name)


def documents_to_public(apps, schema_editor):
    EventDocument = apps.get_model("events", "EventDocument")
    for pk, name in list(EventDocument.objects.filter(file__startswith=PRIVATE_PREFIX).values_list("pk", "file")):
        public_name = name.removeprefix(PRIVATE_PREFIX)
        root_file_move(public_name, to_private=False)
        EventDocument.objects.filter(pk=pk).update(file=public_name)


class Migration(migrations.Migration):
    dependencies = [("events", "0006_private_documents")]

    operations = [migrations.RunPython(documents_to_private, documents_to_public, elidable=False)]
