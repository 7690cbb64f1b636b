"""Uploaded images: checked, re-encoded and thumbnailed before anything is stored.

An upload is never stored as sent. Pillow decodes it within byte and pixel limits (so a
decompression bomb or a file disguised as an image is refused with a form error), and what is
stored is a fresh encoding under a generated name, which also drops metadata such as GPS tags.
"""

import io
import uuid
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from .uploads import read_within

ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_SIDE = 12_000


@dataclass(frozen=True)
class CleanImage:
    image: ContentFile
    thumbnail: ContentFile
    width: int
    height: int


def _encode(image: Image.Image, fmt: str) -> bytes:
    buffer = io.BytesIO()
    if fmt == "JPEG":
        image.convert("RGB").save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
    elif fmt == "WEBP":
        image.save(buffer, "WEBP", quality=85)
    else:
        image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def clean_image(
    upload, *, max_bytes: int = MAX_UPLOAD_BYTES, thumbnail_size: tuple[int, int] = (240, 240)
) -> CleanImage:
    """Validate an uploaded image and return its re-encoded copy and a thumbnail.

    Raises ``ValidationError`` with a message for the person who uploaded the file.
    """
    data = read_within(
        upload,
        max_bytes,
        declared_too_large=_("The file is %(size)s; images may be at most %(limit)s."),
        too_large=_("Images may be at most %(limit)s."),
    )
    not_an_image = ValidationError(_("Upload a JPEG, PNG or WebP image."), code="invalid_image")
    try:
        with warnings.catch_warnings():
            # Pillow only warns between MAX_IMAGE_PIXELS and twice that; treat it as the error it is.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                fmt = probe.format
                width, height = probe.size
                if fmt not in ALLOWED_FORMATS:
                    raise not_an_image
                if width * height > MAX_PIXELS or max(width, height) > MAX_SIDE:
                    raise ValidationError(
                        _(
                            "The image is %(width)s×%(height)s pixels; at most %(limit)s megapixels are accepted."
                        )
                        % {"width": width, "height": height, "limit": MAX_PIXELS // 1_000_000},
                        code="too_many_pixels",
                    )
                probe.load()
                image = ImageOps.exif_transpose(probe)
                if image.mode not in ("RGB", "RGBA", "L", "LA"):
                    image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(_("The image is too large to process."), code="too_many_pixels") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise not_an_image from None

    stem = uuid.uuid4().hex
    extension = ALLOWED_FORMATS[fmt]
    thumb = image.copy()
    thumb.thumbnail(thumbnail_size)
    return CleanImage(
        image=ContentFile(_encode(image, fmt), name=f"{stem}.{extension}"),
        thumbnail=ContentFile(_encode(thumb, fmt), name=f"{stem}-thumb.{extension}"),
        width=image.width,
        height=image.height,
    )


def image_store(
    instance: models.Model, *, clean: CleanImage | None, field: str, thumbnail: str, cleared: bool = False
) -> None:
    """Put ``clean`` in ``instance``'s image ``field`` and its ``thumbnail`` field (or empty both
    when ``cleared``) without saving the row.

    The files they replace are deleted only once the transaction commits, so a save that fails
    leaves the old image in place, and no replaced file is left behind on disk.
    """
    if clean is None and not cleared:
        return
    old: tuple[str, ...] = ()
    if instance.pk is not None:
        old = type(instance)._base_manager.filter(pk=instance.pk).values_list(field, thumbnail).first() or ()
    if clean is not None:
        getattr(instance, field).save(clean.image.name, clean.image, save=False)
        getattr(instance, thumbnail).save(clean.thumbnail.name, clean.thumbnail, save=False)
    else:
        setattr(instance, field, "")
        setattr(instance, thumbnail, "")
    storage = getattr(instance, field).storage
    kept = {getattr(instance, field).name, getattr(instance, thumbnail).name}
    replaced = [name for name in old if name and name not in kept]

    def remove_replaced() -> None:
        for name in replaced:
            storage.delete(name)

    if replaced:
        transaction.on_commit(remove_replaced)
