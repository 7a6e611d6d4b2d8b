"""The public read-only REST API (PUB-7) at /api/v1/, OpenAPI at /api/v1/openapi.json."""

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
api.add_router("/sites/", sites_router, tags=["sites"])
