from django.db.models import Prefetch
from django.utils.translation import gettext as _

from samverkan.core.exports import export_response

from .models import TargetGroup, Topic


def _names(items):
    return "; ".join(item.label for item in items)


def organisation_export_response(organisations, fmt):
    columns = [
        (_("Name"), lambda o: o.name),
        (_("Short name"), lambda o: o.short_name),
        (_("Kind"), lambda o: o.get_kind_display()),
        (_("Municipality or city"), lambda o: o.municipality),
        (_("Website"), lambda o: o.website),
        (_("Organisation's email"), lambda o: o.email),
        (_("Target groups"), lambda o: _names(o.target_groups.all())),
        (_("Topics"), lambda o: _names(o.topics.all())),
        (_("Description"), lambda o: o.description),
    ]
    queryset = organisations.prefetch_related(
        Prefetch("target_groups", queryset=TargetGroup.objects.all()),
        Prefetch("topics", queryset=Topic.objects.all()),
    )
    return export_response(
        queryset=queryset,
        columns=columns,
        filename="organisationer",
        fmt=fmt,
        sheet_title=_("Organisations"),
    )
