"""Private files: where they are stored, how a document changes sides, and how they are downloaded.

Built reports, the evidence attached to indicator updates and documents that are not public
(of events and initiatives) live under ``PRIVATE_MEDIA_ROOT``. No URL maps to that folder: the
only way to a private file is a view that checks who is asking and answers with
:func:`private_file_response`. Public uploads live under ``MEDIA_ROOT``, which the proxy serves.

Evidence is always private (:data:`private_storage`). A document is public or not, and changes
sides when a coordinator ticks or unticks "public", so it keeps one file field on
:data:`document_storage`, which decides the side by the stored name alone: a name beginning with
``private/`` is a file under PRIVATE_MEDIA_ROOT (the rest of the name is its path there), any
other name is a file under MEDIA_ROOT. A new upload gets the name of the side its document is on
(``document_upload_name``); :func:`document_save` moves an existing file when the document
changes sides: it copies the file under the other side's name, saves the document with that
name, and removes the old copy once the transaction has committed. A name is never public and
private at once, and nothing is left on the side a file has left. Everything that saves a
document goes through :func:`document_save` (the admin inlines through :class:`DocumentFormSet`).

The link to a private file is its model's ``download_url`` (the permission-checked view):
:class:`ProtectedFileField` makes ``file.url`` answer it, so templates and the admin never show
a media URL for a private file. In production the portal does not stream the file itself: with
``PRIVATE_MEDIA_ACCEL_PREFIX`` set, the answer is empty and carries ``X-Accel-Redirect``, and
nginx sends the file from an ``internal`` location that maps the prefix onto PRIVATE_MEDIA_ROOT.
"""

import mimetypes
import os
import re
import shutil
import unicodedata
from pathlib import Path
from typing import ClassVar
from urllib.parse import quote

from django.conf import settings
from django.core import checks
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import FileSystemStorage, Storage, default_storage
from django.db import models, transaction
from django.db.models.fields.files import FieldFile
from django.forms.models import BaseInlineFormSet
from django.http import FileResponse, Http404, HttpResponse
from django.urls import reverse

from .models import generated_upload_name

PRIVATE_PREFIX = "private/"
# Longest download name offered, before the extension: long enough for any real title.
MAX_DOWNLOAD_NAME = 120


class PrivateStorage(FileSystemStorage):
    """Files under PRIVATE_MEDIA_ROOT, which have no public URL. The folder is read from settings
    on each use, so it follows the setting."""

    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no public URL.")

    def is_private(self, name: str) -> bool:
        return True


class DocumentStorage(Storage):
    """A name beginning with ``private/`` is stored in the private storage, any other name in the
    default (public) storage."""

    def _side(self, name: str) -> tuple[Storage, str, str]:
        if name.startswith(PRIVATE_PREFIX):
            return private_storage, PRIVATE_PREFIX, name.removeprefix(PRIVATE_PREFIX)
        return default_storage, "", name

    def is_private(self, name: str) -> bool:
        return name.startswith(PRIVATE_PREFIX)

    def _open(self, name, mode="rb"):
        storage, _, inner = self._side(name)
        return storage.open(inner, mode)

    def _save(self, name, content):
        storage, prefix, inner = self._side(name)
        return prefix + storage.save(inner, content)

    def delete(self, name):
        storage, _, inner = self._side(name)
        storage.delete(inner)

    def exists(self, name):
        storage, _, inner = self._side(name)
        return storage.exists(inner)

    def size(self, name):
        storage, _, inner = self._side(name)
        return storage.size(inner)

    def path(self, name):
        storage, _, inner = self._side(name)
        return storage.path(inner)

    def url(self, name):
        storage, _, inner = self._side(name)
        return storage.url(inner)

    def listdir(self, path):
        storage, _, inner = self._side(path)
        return storage.listdir(inner)

    def get_modified_time(self, name):
        storage, _, inner = self._side(name)
        return storage.get_modified_time(inner)


private_storage = PrivateStorage()
document_storage = DocumentStorage()


# Fields name these callables rather than the storages, so migrations do not copy the storages.
def get_private_storage() -> PrivateStorage:
    return private_storage


def get_document_storage() -> DocumentStorage:
    return document_storage


class ProtectedFieldFile(FieldFile):
    @property
    def url(self) -> str:
        self._require_file()
        if self.storage.is_private(self.name):
            return self.instance.download_url
        return self.storage.url(self.name)


class ProtectedFileField(models.FileField):
    """A file field on one of the storages above. Its ``url`` is the model's ``download_url``
    while the file is private, the public media URL otherwise."""

    attr_class = ProtectedFieldFile


class PrivateDownload:
    """For a model with a :class:`ProtectedFileField`: ``download_url`` is the permission-checked
    view named by ``DOWNLOAD_VIEW``, which answers for the row's primary key."""

    DOWNLOAD_VIEW: ClassVar[str]

    @property
    def download_url(self) -> str:
        return reverse(self.DOWNLOAD_VIEW, kwargs={"pk": self.pk})


def document_upload_name(folder: str, filename: str, *, private: bool) -> str:
    """A generated name for a document's new file, on the side the document is on."""
    name = generated_upload_name(folder, filename)
    return PRIVATE_PREFIX + name if private else name


def _copy_to_side(field_file: FieldFile, *, private: bool) -> None:
    """Copies the file under the other side's name and points ``field_file`` at the copy. A file
    missing from disk is not copied, but its name still changes sides."""
    old = field_file.name
    target = PRIVATE_PREFIX + old if private else old.removeprefix(PRIVATE_PREFIX)
    storage = field_file.storage
    if storage.exists(old):
        with storage.open(old, "rb") as source:
            field_file.name = storage.save(target, source, max_length=field_file.field.max_length)
    else:
        field_file.name = target


def root_file_move(relative: str, *, to_private: bool) -> bool:
    """For data migrations: moves ``relative`` from MEDIA_ROOT to the same place under
    PRIVATE_MEDIA_ROOT (or back). A file missing from disk is left alone, so a database whose
    files are gone migrates all the same. Returns whether a file moved."""
    public = FileSystemStorage(location=settings.MEDIA_ROOT)
    source_storage, target_storage = (public, private_storage) if to_private else (private_storage, public)
    try:
        source, target = Path(source_storage.path(relative)), Path(target_storage.path(relative))
    except SuspiciousFileOperation:
        return False
    if not source.is_file():
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(source, target)
    return True


def root_folder_move(folder: str, *, to_private: bool) -> None:
    """For data migrations: moves every file under ``folder`` to the other root."""
    root = Path(settings.MEDIA_ROOT if to_private else settings.PRIVATE_MEDIA_ROOT)
    for path in sorted((root / folder).rglob("*")):
        if path.is_file():
            root_file_move(path.relative_to(root).as_posix(), to_private=to_private)


def _stored_name(document: models.Model) -> str:
    if document.pk is None:
        return ""
    stored = type(document)._default_manager.filter(pk=document.pk).values_list("file", flat=True).first()
    return stored or ""


@transaction.atomic
def document_save(*, document: models.Model) -> None:
    """Saves an event or initiative document with its file on the side ``is_public`` says.

    A file the document no longer names (it moved sides, was replaced or cleared) is removed
    once the transaction commits; if saving fails, the copy made for the move is removed.
    """
    document.full_clean()
    field_file = document.file
    before = _stored_name(document)
    copied = ""
    if (
        field_file
        and field_file._committed
        and field_file.storage.is_private(field_file.name) == document.is_public
    ):
        _copy_to_side(field_file, private=not document.is_public)
        copied = field_file.name
    try:
        document.save()
    except Exception:
        if copied and field_file.storage.exists(copied):
            field_file.storage.delete(copied)
        raise
    if before and before != document.file.name:
        storage = document_storage
        transaction.on_commit(lambda: storage.delete(before))


class DocumentFormSet(BaseInlineFormSet):
    """The admin's inline of documents: each document is saved by :func:`document_save`."""

    def _save_document(self, form, commit: bool):
        document = form.save(commit=False)
        if commit:
            document_save(document=document)
            form.save_m2m()
        return document

    def save_new(self, form, commit=True):
        setattr(form.instance, self.fk.name, self.instance)
        return self._save_document(form, commit)

    def save_existing(self, form, obj, commit=True):
        return self._save_document(form, commit)


# --- downloads -----------------------------------------------------------------------------------

_UNSAFE_IN_NAME = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


def download_name(name: str, *, extension: str) -> str:
    """A file name to offer: no folders, control or reserved characters, not hidden, not too long,
    and ending with the stored file's own extension (what the file really is)."""
    extension = extension.lower()
    stem = unicodedata.normalize("NFC", name)
    if extension and stem.lower().endswith(extension):
        stem = stem[: -len(extension)]
    stem = _UNSAFE_IN_NAME.sub(" ", stem)
    stem = " ".join(stem.split()).strip(" .")[:MAX_DOWNLOAD_NAME].strip(" .")
    return f"{stem or 'file'}{extension}"


def _ascii_name(name: str) -> str:
    """The name in plain ASCII for clients that do not read ``filename*``."""
    stem, extension = os.path.splitext(name.replace("Đ", "D").replace("đ", "d"))
    stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    stem = " ".join(stem.replace("\\", " ").replace('"', " ").split())
    return f"{stem or 'file'}{extension}"


def content_disposition(name: str) -> str:
    return f"attachment; filename=\"{_ascii_name(name)}\"; filename*=UTF-8''{quote(name, safe='')}"


def private_file_response(field_file: FieldFile, *, name: str) -> HttpResponse:
    """The answer to a download the view has already allowed, offered as ``name``.

    Django streams the file itself unless ``PRIVATE_MEDIA_ACCEL_PREFIX`` is set; then the answer
    is empty and nginx sends the file named by ``X-Accel-Redirect`` from its internal location.
    The download is never kept by a cache or opened as another type than it is. A file that is
    missing, or not under the private root, answers 404.
    """
    root = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    try:
        path = Path(field_file.path).resolve()
    except (ValueError, NotImplementedError, SuspiciousFileOperation) as error:
        raise Http404 from error
    if root not in path.parents or not path.is_file():
        raise Http404
    offered = download_name(name, extension=path.suffix)
    content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    prefix = settings.PRIVATE_MEDIA_ACCEL_PREFIX
    if prefix:
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + quote(path.relative_to(root).as_posix())
    else:
        response = FileResponse(path.open("rb"), content_type=content_type)
    response["Content-Disposition"] = content_disposition(offered)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def is_under_private_root(path: str | os.PathLike) -> bool:
    """Whether ``path`` (after following links) is the private root or inside it."""
    root = Path(os.path.realpath(settings.PRIVATE_MEDIA_ROOT))
    target = Path(os.path.realpath(path))
    return target == root or root in target.parents


@checks.register(checks.Tags.security)
def check_private_root(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """The proxy serves all of MEDIA_ROOT: a private root inside it would be served too."""
    media = Path(os.path.realpath(settings.MEDIA_ROOT))
    if is_under_private_root(media) or media in Path(os.path.realpath(settings.PRIVATE_MEDIA_ROOT)).parents:
        return [
            checks.Error(
                "PRIVATE_MEDIA_ROOT and MEDIA_ROOT overlap: private files would be public.",
                hint="Set DJANGO_PRIVATE_MEDIA_ROOT to a folder outside DJANGO_MEDIA_ROOT.",
                id="core.E001",
            )
        ]
    return []
