from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .health import run_checks


@never_cache
@require_GET
def healthz(request):
    """JSON health of database and cache; 503 when the database is unreachable."""
    result = run_checks()
    status = 200 if result["checks"]["database"]["ok"] else 503
    if status == 503:
        result["status"] = "down"
    return JsonResponse(result, status=status)
