from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """The six roles. A user has one role, tied to one organisation (except the network admin)."""

    NETWORK_ADMIN = "network_admin", _("Network administrator")
    AGENCY_COORDINATOR = "agency_coordinator", _("Agency coordinator")
    AGENCY_STAFF = "agency_staff", _("Agency staff")
    ORGANISATION_ADMIN = "organisation_admin", _("Organisation administrator")
    REPRESENTATIVE = "representative", _("Representative")
    ANONYMOUS = "anonymous", _("Not logged in")

    @classmethod
    def of(cls, user) -> "Role":
        if user is None or not user.is_authenticated:
            return cls.ANONYMOUS
        return cls(user.role)

    @property
    def is_public_body(self) -> bool:
        """Works for a host (agency, region, municipality) or runs the network."""
        return self in PUBLIC_BODY_ROLES


PUBLIC_BODY_ROLES = {Role.NETWORK_ADMIN, Role.AGENCY_COORDINATOR, Role.AGENCY_STAFF}
CIVIL_SOCIETY_ROLES = {Role.ORGANISATION_ADMIN, Role.REPRESENTATIVE}
USER_ROLES = [r for r in Role if r != Role.ANONYMOUS]
