from django.db import migrations

from samverkan.core.migrations_helpers import trigram_index


class Migration(migrations.Migration):
    dependencies = [("engagements", "0001_initial")]
    operations = [trigram_index("engagements_engagement")]
