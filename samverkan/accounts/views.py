from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .forms import PreferencesForm


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    """The user's own name and how they want notifications: at once or in a daily digest."""
    form = PreferencesForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your settings were saved."))
        return redirect("accounts:preferences")
    return render(request, "accounts/preferences.html", {"form": form})
