from django.contrib import admin

from .models import Addressee, InputItem


class AddresseeInline(admin.TabularInline):
    model = Addressee
    extra = 0
    raw_id_fields = ["host", "referred_to"]


@admin.register(InputItem)
class InputItemAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "engagement", "organisation", "created_at"]
    list_filter = ["kind"]
    list_select_related = ["engagement", "organisation"]
    raw_id_fields = ["engagement", "organisation", "created_by"]
    filter_horizontal = ["target_groups", "topics"]
    inlines = [AddresseeInline]
