"""Signing in and out: Django's pages with single sign-on beside (or instead of) passwords."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from mozilla_django_oidc import views as oidc_views

from readiness.audit.services import record

from .backends import JOINED, REFUSAL
from .context import sso_context

PASSWORDS_OFF = "Passwords are switched off here: sign in with {provider}."
NOT_STARTED_HERE = (
    "This sign-in was not started here, or has been used already. Start again from the "
    "sign-in page."
)


class SignInView(auth_views.LoginView):
    """The sign-in page: a button for the organisation's sign-in service when single sign-on
    is on, the password form unless local passwords are switched off."""

    def get_context_data(self, **kwargs: object) -> dict:
        context = super().get_context_data(**kwargs)
        context.update(sso_context(self.get_redirect_url()))
        return context

    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if settings.LOCAL_PASSWORDS:
            return super().post(request, *args, **kwargs)
        # Refused before any password is checked, so a guessed password tells nobody anything.
        username = request.POST.get("username", "")
        record("sign-in refused", username=username, what="a password, with passwords off")
        context = self.get_context_data(form=self.get_form_class()(request))
        provider = (settings.SSO or {}).get("provider_name", "your organisation")
        context["refusal"] = PASSWORDS_OFF.format(provider=provider)
        return render(request, self.template_name, context, status=403)


class SignOutView(auth_views.LogoutView):
    """Ends the Readiness session; after a single sign-on, also the provider's session when it
    offers an end-session endpoint (otherwise the next sign-in would pass straight through)."""

    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        id_token = request.session.get("oidc_id_token")
        response = super().post(request, *args, **kwargs)
        sso = settings.SSO
        if not (id_token and sso and sso["end_session_endpoint"]):
            return response
        query = urlencode({
            "id_token_hint": id_token,
            "client_id": settings.OIDC_RP_CLIENT_ID,
            "post_logout_redirect_uri": request.build_absolute_uri(reverse("login")),
        })  # fmt: skip
        return HttpResponseRedirect(f"{sso['end_session_endpoint']}?{query}")


class StartView(oidc_views.OIDCAuthenticationRequestView):
    pass


class CallbackView(oidc_views.OIDCAuthenticationCallbackView):
    def get(self, request: HttpRequest) -> HttpResponse:
        states = request.session.get("oidc_states") or {}
        if "error" not in request.GET and request.GET.get("state") not in states:
            # Not a sign-in this browser started (an old tab, a used link, or a forged one
            # meant to sign the browser in as someone else): nothing is asked of the provider.
            setattr(request, REFUSAL, NOT_STARTED_HERE)
            return self.login_failure()
        return super().get(request)

    def login_success(self) -> HttpResponse:
        response = super().login_success()
        for name in getattr(self.request, JOINED, []):
            messages.success(self.request, f"Welcome to {name}.")
        return response

    def login_failure(self) -> HttpResponse:
        request = self.request
        reason = getattr(request, REFUSAL, "")
        if not reason:  # the provider itself said no
            error = request.GET.get("error_description") or request.GET.get("error") or ""
            reason = "The sign-in service did not sign you in" + (
                f" ({error[:200]})." if error else "."
            )
            record("sign-in refused", what=f"single sign-on: {reason}")
        return render(request, "sso/refused.html", {
            "reason": reason, **sso_context(),
        }, status=403)  # fmt: skip


def _configured(view):
    def wrapped(request: HttpRequest) -> HttpResponse:
        if not settings.SSO:
            raise Http404("Single sign-on is not configured.")
        return view(request)

    return wrapped


start = _configured(StartView.as_view())
callback = _configured(CallbackView.as_view())
