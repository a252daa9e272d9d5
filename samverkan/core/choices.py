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
from django.db.models.signals import post_delete, post_save
from django.utils import translation

OPTIONS_TIMEOUT = 60


def options_key(name: str, language: str | None = None) -> str:
    return f"options:{name}:{language or translation.get_language()}"


def forget_options(name: str, **_signal) -> None:
    cache.delete_many([options_key(name, language) for language, _label in settings.LANGUAGES])


def forget_when_changed(name: str, *models) -> None:
    """Forget the option list `name` whenever a record of `models` is saved or deleted."""
    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(
                partial(forget_options, name),
                sender=model,
                weak=False,
                dispatch_uid=f"forget-options-{name}-{signal is post_save}-{model._meta.label}",
            )
