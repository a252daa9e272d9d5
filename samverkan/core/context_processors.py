from django.urls import translate_url
from django.utils import translation

from samverkan.accounts.roles import Role


def site(request):
    """What every page needs: the other language's URL for this page, and the user's role."""
    current = translation.get_language() or "sv"
    other = "en" if current.startswith("sv") else "sv"
    user = getattr(request, "user", None)
    return {
        "other_language": other,
        "other_language_url": translate_url(request.get_full_path(), other),
        "role": Role.of(user) if user is not None else Role.ANONYMOUS,
        "Role": Role,
    }
