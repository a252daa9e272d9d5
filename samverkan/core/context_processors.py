from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import translation
from django.utils.encoding import iri_to_uri

from samverkan.accounts.roles import Role


def site(request):
    """What every page needs: the other language's URL for this page, and the user's role."""
    current = translation.get_language() or "sv"
    other = "en" if current.startswith("sv") else "sv"
    user = getattr(request, "user", None)
    return {
        "other_language": other,
        "other_language_url": _in_language(request, other),
        "role": Role.of(user) if user is not None else Role.ANONYMOUS,
        "Role": Role,
    }


def _in_language(request, language: str) -> str:
    """This page's address in `language`, its query kept: what `translate_url` gives, from the
    URL pattern the request was already resolved to rather than resolving its path again."""
    match = getattr(request, "resolver_match", None)
    if match is not None and match.url_name:
        with translation.override(language):
            try:
                path = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:
                pass
            else:
                query = request.META.get("QUERY_STRING", "")
                return f"{path}?{iri_to_uri(query)}" if query else path
    return translate_url(request.get_full_path(), language)
