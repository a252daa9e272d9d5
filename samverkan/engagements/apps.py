from django.apps import AppConfig
from django.db.models.signals import pre_delete
from django.utils.translation import gettext_lazy as _


class EngagementsConfig(AppConfig):
    name = "samverkan.engagements"
    label = "engagements"
    verbose_name = _("Engagements and forums")

    def ready(self):
        # However an engagement is deleted (a service, the admin, a cascade), the hosts'
        # tallies of the organisations it involved are counted again without it.
        pre_delete.connect(
            _engagement_deleting,
            sender=self.get_model("Engagement"),
            dispatch_uid="engagements-forget-involvements",
        )


def _engagement_deleting(sender, instance, **kwargs):
    from .services import involvements_forget

    involvements_forget(engagement_ids=[instance.pk])
