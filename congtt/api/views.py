from django.http import JsonResponse


def not_found(request, rest=""):
    """Any other address under /api/v1/: a JSON 404 like the endpoints give, not the HTML page."""
    return JsonResponse({"detail": "Không có địa chỉ API này. / No such API endpoint."}, status=404)
