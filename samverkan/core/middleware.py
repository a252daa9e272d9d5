from django.conf import settings


class ContentSecurityPolicyMiddleware:
    """Send the project's Content-Security-Policy on every response (Django 5.2 has none built in)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # The admin ships inline scripts of its own; it keeps Django's defaults.
        if not request.path.startswith("/admin/"):
            response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        return response
