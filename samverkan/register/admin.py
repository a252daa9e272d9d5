from django.contrib import admin

from samverkan.core.admin import AuditedAdmin

from .models import Affiliation, Organisation, Person, TargetGroup, Topic


@admin.register(TargetGroup, Topic)
class TermAdmin(AuditedAdmin):
    list_display = ["name", "name_en", "slug"]
    search_fields = ["name", "name_en"]
    prepopulated_fields = {"slug": ["name"]}


class AffiliationInline(admin.TabularInline):
    model = Affiliation
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(Organisation)
class OrganisationAdmin(AuditedAdmin):
    list_display = ["name", "short_name", "kind", "municipality"]
    list_filter = ["kind", "target_groups"]
    search_fields = ["name", "short_name", "former_names"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["target_groups", "topics"]
    autocomplete_fields = ["member_organisations"]
    inlines = [AffiliationInline]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "website":
            kwargs["assume_scheme"] = "https"
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(Person)
class PersonAdmin(AuditedAdmin):
    list_display = ["last_name", "first_name", "title", "email"]
    search_fields = ["last_name", "first_name", "email"]
    inlines = [AffiliationInline]
