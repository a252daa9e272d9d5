import secrets

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .roles import CIVIL_SOCIETY_ROLES, PUBLIC_BODY_ROLES, Role


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create(self, email, password, **fields):
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **fields):
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create(email, password, **fields)

    def create_superuser(self, email, password=None, **fields):
        fields.update(is_staff=True, is_superuser=True, role=Role.NETWORK_ADMIN)
        return self._create(email, password, **fields)


class Delivery(models.TextChoices):
    IMMEDIATE = "immediate", _("As it happens")
    DIGEST = "digest", _("Once a day, in a summary")


class User(AbstractUser):
    """A person who logs in. Email is the login; the role and organisation decide what they may do."""

    username = None
    email = models.EmailField(_("email address"), unique=True)
    role = models.CharField(
        _("role"),
        max_length=30,
        choices=[(r.value, r.label) for r in Role if r != Role.ANONYMOUS],
        default=Role.REPRESENTATIVE,
    )
    organisation = models.ForeignKey(
        "register.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    person = models.OneToOneField(
        "register.Person",
        verbose_name=_("person in the register"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="user",
    )

    notification_delivery = models.CharField(
        _("how you get notifications by email"),
        max_length=10,
        choices=Delivery.choices,
        default=Delivery.IMMEDIATE,
    )

    # The secret in the address of the person's own calendar feed (calendar apps cannot log in).
    feed_token = models.CharField(max_length=43, unique=True, null=True, blank=True, editable=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []
    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.email

    def get_feed_token(self) -> str:
        if not self.feed_token:
            self.feed_token = secrets.token_urlsafe(32)
            self.save(update_fields=["feed_token"])
        return self.feed_token

    def clean(self):
        super().clean()
        role = Role(self.role)
        org = self.organisation
        if role != Role.NETWORK_ADMIN and org is None:
            raise ValidationError({"organisation": _("This role belongs to an organisation.")})
        if (
            org is not None
            and role in PUBLIC_BODY_ROLES - {Role.NETWORK_ADMIN}
            and not org.is_host_kind
        ):
            raise ValidationError(
                {"organisation": _("Agency roles belong to an agency, region or municipality.")}
            )
        if org is not None and role in CIVIL_SOCIETY_ROLES and org.is_host_kind:
            raise ValidationError(
                {"organisation": _("Organisation roles belong to a civil-society organisation.")}
            )
