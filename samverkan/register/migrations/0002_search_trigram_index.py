from django.db import migrations

from samverkan.core.migrations_helpers import trigram_index


class Migration(migrations.Migration):
    dependencies = [("register", "0001_initial")]
    operations = [trigram_index("register_organisation")]
