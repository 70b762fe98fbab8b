from django.urls import include, path

from readiness.lib.health import healthz
from readiness.sso.views import SignInView, SignOutView

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("accounts/login/", SignInView.as_view(), name="login"),
    path("accounts/logout/", SignOutView.as_view(), name="logout"),
    path("accounts/sso/", include("readiness.sso.urls")),
    path("frameworks/", include("readiness.frameworks.urls")),
    path("", include("readiness.reviews.urls")),
    path("", include("readiness.assessment.urls")),
    path("", include("readiness.evidence.urls")),
    path("", include("readiness.indicators.urls")),
    path("", include("readiness.narratives.urls")),
    path("", include("readiness.reports.urls")),
    path("", include("readiness.countdown.urls")),
    path("", include("readiness.actions.urls")),
    path("", include("readiness.privacy.urls")),
    path("", include("readiness.audit.urls")),
    path("", include("readiness.glance.urls")),
    path("", include("readiness.asks.urls")),
    path("", include("readiness.conversations.urls")),
    path("", include("readiness.notifications.urls")),
    path("", include("readiness.casework.urls")),
    path("", include("readiness.audits.urls")),
    path("", include("readiness.thresholds.urls")),
    path("", include("readiness.interviews.urls")),
]

handler403 = "readiness.lib.errors.forbidden"
handler404 = "readiness.lib.errors.not_found"
