from samverkan.accounts.roles import Role

from .models import InputItem


def input_items_visible_to(user, engagement):
    """The engagement's items the user may see, ready for a list page (no per-row queries)."""
    items = InputItem.objects.raised_in(engagement)
    if not Role.of(user).is_public_body:
        items = items.from_organisation(user.organisation_id)
    return items.select_related("organisation").prefetch_related(
        "target_groups", "topics", "addressed_to"
    )


def recorded_text_keys(engagement, keys) -> set[str]:
    """Which of `keys` (see models.text_key) are already recorded for the engagement."""
    keys = list(keys)
    found = set()
    # In chunks: SQLite limits the number of parameters in one query.
    for start in range(0, len(keys), 500):
        found.update(
            InputItem.objects.raised_in(engagement)
            .filter(text_key__in=keys[start : start + 500])
            .values_list("text_key", flat=True)
        )
    return found
