from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegisterConfig(AppConfig):
    name = "samverkan.register"
    label = "register"
    verbose_name = _("Register")

    def ready(self):
        from samverkan.core.choices import forget_when_changed

        from .models import Organisation, TargetGroup, Topic

        forget_when_changed("hosts", Organisation)
        forget_when_changed("target-groups", TargetGroup)
        forget_when_changed("topics", Topic)
