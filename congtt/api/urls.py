"""The public read-only REST API (PUB-7) at /api/v1/, OpenAPI at /api/v1/openapi.json."""

from functools import partial

from ninja.errors import ValidationError

from congtt.citizen.api import router as citizen_router
from congtt.content.api import router as articles_router
from congtt.directory.api import officials_router, schedules_router
from congtt.legal.api import router as legal_router
from congtt.procedures.api import router as procedures_router

from .errors import validation_error_handler
from .ignored_params import report_ignored_params
from .openapi import PublicAPI
from .sites import router as sites_router

api = PublicAPI(
    title="congtt API",
    version="1.0.0",
    description="API công khai, chỉ đọc, của mạng lưới cổng thông tin điện tử. / Public read-only API.",
    urls_namespace="api-v1",
    docs_url="/docs",
    openapi_url="/openapi.json",
)
api.add_decorator(report_ignored_params, mode="view")
api.add_exception_handler(ValidationError, partial(validation_error_handler, api=api))
api.add_router("/sites/", sites_router, tags=["sites"])
api.add_router("/officials/", officials_router, tags=["officials"])
api.add_router("/schedules/", schedules_router, tags=["schedules"])
api.add_router("/articles/", articles_router, tags=["articles"])
api.add_router("/citizen/", citizen_router, tags=["citizen"])
api.add_router("/legal-documents/", legal_router, tags=["legal-documents"])
api.add_router("/procedures/", procedures_router, tags=["procedures"])
