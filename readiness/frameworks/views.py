from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from .access import get_framework_for_user, may_load_frameworks, visible_frameworks
from .domain.loader import FrameworkFileError, load_framework_text
from .forms import FrameworkUploadForm
from .models import GradeDescriptor, Judgement, LineOfEnquiry
from .persist import FrameworkAlreadyLoaded, store_framework


@login_required
def index(request: HttpRequest) -> HttpResponse:
    frameworks = visible_frameworks(request.user).select_related("loaded_by")
    return render(
        request,
        "frameworks/index.html",
        {"frameworks": frameworks, "may_load": may_load_frameworks(request.user)},
    )


@login_required
def detail(request: HttpRequest, framework_id: int) -> HttpResponse:
    framework = get_framework_for_user(request.user, framework_id)
    lines = LineOfEnquiry.objects.prefetch_related(
        Prefetch("descriptors", GradeDescriptor.objects.select_related("grade"))
    )
    judgements = Judgement.objects.filter(framework=framework).prefetch_related(
        Prefetch("lines_of_enquiry", lines), "components"
    )
    return render(
        request,
        "frameworks/detail.html",
        {"framework": framework, "judgements": judgements, "grades": framework.grades.all()},
    )


@login_required
def load(request: HttpRequest) -> HttpResponse:
    if not may_load_frameworks(request.user):
        raise PermissionDenied("Only review leads can load a framework.")
    problems: list = []
    form = FrameworkUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        name = request.FILES["file"].name
        try:
            spec = load_framework_text(form.cleaned_data["file"], file=name)
            framework = store_framework(
                spec, form.cleaned_data["file"], builtin=False, loaded_by=request.user
            )
        except FrameworkFileError as error:
            problems = error.problems
        except FrameworkAlreadyLoaded as error:
            form.add_error("file", str(error))
        else:
            messages.success(request, f"Loaded {framework.short_name}.")
            return redirect("frameworks:detail", framework_id=framework.id)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "frameworks/load.html", {"form": form, "problems": problems}, status=status
    )
