from django.contrib.auth import views as auth_views
from django.http import JsonResponse
from django.urls import include, path

from . import keys


def impostor_jwks(request):
    """Another key published under the provider's own key id: a token checked against it has
    a signature that does not match."""
    return JsonResponse(keys.impostor_jwks())


urlpatterns = [
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("openid/", include("oidc_provider.urls", namespace="oidc_provider")),
    path("impostor-jwks", impostor_jwks),
]
