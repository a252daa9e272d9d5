"""Option lists that every filter form shows, kept between requests.

The agencies' select alone is 400 options: reading and writing them out was a third of the
organisation list's time. Each list is kept per language for OPTIONS_TIMEOUT seconds in
Django's cache, and forgotten at once when a record it shows is saved or deleted (see
`forget_when_changed`). With the default per-process cache, other server processes may show
the old list until their copy times out; a shared cache (CACHES) makes that immediate too.
"""

from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import translation

OPTIONS_TIMEOUT = 60


def options_key(name: str, language: str | None = None) -> str:
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    return f"options:{name}:{language}"


def forget_options(name: str) -> None:
    cache.delete_many([options_key(name, language) for language, _label in settings.LANGUAGES])


def _changed(name: str, **_signal) -> None:
    # At once, and again when the change is committed: a request between the two could
    # otherwise keep the list as it was before the change.
    forget_options(name)
    transaction.on_commit(partial(forget_options, name))


def forget_when_changed(name: str, *models) -> None:
    """Forget the option list `name` whenever a record of `models` is saved or deleted."""
    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(
                partial(_changed, name),
                sender=model,
                weak=False,
                dispatch_uid=f"forget-options-{name}-{signal is post_save}-{model._meta.label}",
            )
