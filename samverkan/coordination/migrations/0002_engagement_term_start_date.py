"""Copy each engagement's start date onto its index rows, and index the rows by engagement so a
lookup reads scores and dates from the index alone (see models.EngagementTerm)."""

import datetime

from django.db import migrations, models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import TruncDate


def copy_start_dates(apps, schema_editor):
    Engagement = apps.get_model("engagements", "Engagement")
    EngagementTerm = apps.get_model("coordination", "EngagementTerm")
    starts_on = Engagement.objects.filter(pk=OuterRef("engagement_id")).annotate(
        day=TruncDate("starts_at")
    )
    EngagementTerm.objects.update(starts_on=Subquery(starts_on.values("day")[:1]))


class Migration(migrations.Migration):
    dependencies = [
        ("coordination", "0001_initial"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="engagementterm",
            name="coordination_one_row_per_term",
        ),
        migrations.AddField(
            model_name="engagementterm",
            name="starts_on",
            field=models.DateField(default=datetime.date(1970, 1, 1)),
            preserve_default=False,
        ),
        migrations.RunPython(copy_start_dates, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="engagementterm",
            index=models.Index(
                fields=["engagement", "term", "weight", "starts_on"],
                name="coordination_engagement_terms",
            ),
        ),
    ]
