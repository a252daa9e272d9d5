from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.core.exports import export_response
from samverkan.register.models import TargetGroup, Topic

from .models import EngagementHost


def _hosts(engagement, role):
    return "; ".join(
        link.organisation.name for link in engagement.host_links.all() if link.role == role
    )


def engagement_export_response(engagements, fmt):
    columns = [
        (_("Title"), lambda e: e.title),
        (_("Lead host"), lambda e: _hosts(e, "lead")),
        (_("Co-hosts"), lambda e: _hosts(e, "co_host")),
        (_("Starts"), lambda e: timezone.localtime(e.starts_at)),
        (_("Ends"), lambda e: e.ends_at and timezone.localtime(e.ends_at)),
        (_("Status"), lambda e: e.get_status_display()),
        (_("Level of participation"), lambda e: e.get_level_display()),
        (_("Steps in the decision process"), lambda e: "; ".join(map(str, e.get_steps_display()))),
        (_("Method"), lambda e: e.get_method_display()),
        (_("How representatives are chosen"), lambda e: e.get_representation_display()),
        (_("Where"), lambda e: e.get_venue_display()),
        (_("Place or address"), lambda e: e.location),
        (_("Target groups"), lambda e: "; ".join(t.label for t in e.target_groups.all())),
        (_("Topics"), lambda e: "; ".join(t.label for t in e.topics.all())),
        (_("Assignment"), lambda e: e.assignment),
        (_("Published"), lambda e: _("yes") if e.is_published else _("no")),
    ]
    queryset = engagements.order_by("starts_at").prefetch_related(
        Prefetch("host_links", queryset=EngagementHost.objects.select_related("organisation")),
        Prefetch("target_groups", queryset=TargetGroup.objects.all()),
        Prefetch("topics", queryset=Topic.objects.all()),
    )
    return export_response(
        queryset=queryset,
        columns=columns,
        filename="aktiviteter",
        fmt=fmt,
        sheet_title=_("Activities"),
    )
