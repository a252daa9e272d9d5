from django.db.models import F, Max, Prefetch

from samverkan.accounts.roles import Role

from .models import Addressee, InputItem, TriageStatus, TriageStep

WAITING = (TriageStatus.RECEIVED, TriageStatus.CONSIDERING)


def _with_addressees(items, *, steps: bool = False):
    """Each item's hosts with their status, host and referral, in one query (and the steps'
    history in one more): `item.addressees.all()` then costs no query per row."""
    addressees = Addressee.objects.select_related("host", "referred_to").order_by("host__name")
    if steps:
        addressees = addressees.prefetch_related(
            Prefetch("steps", queryset=TriageStep.objects.select_related("referred_to"))
        )
    return items.prefetch_related(Prefetch("addressees", queryset=addressees))


def input_items_visible_to(user, engagement):
    """The engagement's items the user may see, ready for a list page (no per-row queries)."""
    items = InputItem.objects.raised_in(engagement)
    if not Role.of(user).is_public_body:
        items = items.from_organisation(user.organisation_id)
    items = items.select_related("organisation").prefetch_related("target_groups", "topics")
    return _with_addressees(items)


def item_with_history(pk):
    """One item with its hosts' statuses and the history of each."""
    items = InputItem.objects.select_related("engagement", "organisation").prefetch_related(
        "target_groups", "topics"
    )
    return _with_addressees(items, steps=True).filter(pk=pk).first()


def triage_queue(host_id, status: str | None = None):
    """The addressees of `host_id`: those waiting for a response, or those with `status`;
    oldest first, since they have waited longest."""
    rows = Addressee.objects.filter(host_id=host_id)
    rows = rows.filter(status=status) if status else rows.filter(status__in=WAITING)
    return (
        rows.select_related("item__engagement", "referred_to")
        .prefetch_related("item__target_groups")
        .order_by("item__created_at", "item_id")
    )


def our_input(organisation_id):
    """Every item an organisation raised, across engagements, most recently answered first."""
    items = (
        InputItem.objects.from_organisation(organisation_id)
        .select_related("engagement")
        .prefetch_related("target_groups")
        .annotate(last_change=Max("addressees__status_changed_at"))
        .order_by(F("last_change").desc(nulls_last=True), "-created_at", "-id")
    )
    return _with_addressees(items)


def feedback_items(engagement):
    """The engagement's items for the public page: text, kind, target groups and each host's
    answer. Nothing about who raised or recorded them is loaded."""
    items = (
        InputItem.objects.raised_in(engagement)
        .only("id", "engagement_id", "kind", "text", "created_at")
        .prefetch_related("target_groups")
        .order_by("id")
    )
    return _with_addressees(items)


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
