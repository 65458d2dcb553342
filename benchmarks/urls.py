from django.shortcuts import render
from django.urls import include, path
from django.views.decorators.http import require_GET


@require_GET
def baseline(request):
    """The yardstick: a minimal view rendering a tiny template, same server and middleware."""
    return render(request, "benchmarks/baseline.html", {"name": "baseline"})


urlpatterns = [
    path("bench/baseline/", baseline, name="bench-baseline"),
    path("", include("config.urls")),
]
