"""Every text a user saves is stored as NFC Unicode, legacy encodings repaired (PUB-1).

One ``pre_save`` receiver for all models: it rewrites the string values of
CharField and TextField (RichTextField included) in place. It reads the model's
text-field names once per model class.
"""

from functools import cache

from django.db import models

from .repair import repair


@cache
def _text_fields(model) -> tuple[str, ...]:
    return tuple(
        f.attname
        for f in model._meta.concrete_fields
        if isinstance(f, (models.CharField, models.TextField))
        and not f.choices
        and not isinstance(f, (models.EmailField, models.URLField, models.SlugField, models.FilePathField))
    )


def normalise_text_fields(sender, instance, raw=False, **kwargs):
    if raw:  # fixtures are loaded as they are
        return
    for name in _text_fields(sender):
        value = instance.__dict__.get(name)
        if isinstance(value, str) and value:
            fixed = repair(value)
            if fixed != value:
                instance.__dict__[name] = fixed
