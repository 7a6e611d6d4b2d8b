from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import health


@never_cache
@require_GET
def healthz(request):
    """Health JSON; 503 when the database is unreachable.

    Anonymous callers (monitoring) get the overall status and the ok flag of each check; staff
    with admin access get every check with its detail (disk, task queue, last backup).
    """
    user = getattr(request, "user", None)
    staff = bool(user and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"))
    result = health.run_checks(detail=staff)
    status = 200 if result["checks"]["database"]["ok"] else 503
    if status == 503:
        result["status"] = "down"
    if not staff:
        result["checks"] = {name: {"ok": check["ok"]} for name, check in result["checks"].items()}
    return JsonResponse(result, status=status)
