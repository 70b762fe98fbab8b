from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from .domain.compose import KINDS
from .forms import SettingsForm
from .models import NotificationSettings


@login_required
def settings_page(request: HttpRequest) -> HttpResponse:
    """Your notifications: which e-mails you get. Each person sees and changes only their own."""
    current = NotificationSettings.objects.filter(user=request.user).first()
    initial = {kind: getattr(current, kind) if current else True for kind in KINDS}
    form = SettingsForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        NotificationSettings.objects.update_or_create(user=request.user, defaults=form.cleaned_data)
        on = [KINDS[k].lower() for k in KINDS if form.cleaned_data[k]]
        messages.success(request, "Saved. " + (f"You get e-mails for: {'; '.join(on)}."
                                               if on else "You get no e-mails."))  # fmt: skip
        return redirect("notifications:settings")
    return render(
        request,
        "notifications/settings.html",
        {
            "form": form,
            "email": request.user.email,
            "due_days": settings.READINESS_NOTIFY_DUE_WITHIN_DAYS,
        },
    )
