import pytest
from django.utils import translation

from congtt.network.models import SiteKind
from congtt.network.services import SiteRequest, create_site


@pytest.fixture(autouse=True)
def vietnamese_by_default():
    """Each test starts in Vietnamese: a request to /en/ must not leak its language into the next test."""
    translation.activate("vi")
    yield
    translation.deactivate()


@pytest.fixture
def kinds(db):
    return {kind.code: kind for kind in SiteKind.objects.all()}


@pytest.fixture
def portal(kinds):
    return create_site(
        SiteRequest(
            agency_name="Cổng thông tin điện tử tỉnh Lạng Sơn",
            kind=kinds["province"],
            hostname="langson.localhost",
            governing_body="Ủy ban nhân dân tỉnh Lạng Sơn",
            contact={
                "address": "Số 2 đường Hùng Vương, Lạng Sơn",
                "phone": "0205 3812 606",
                "email": "congttdt@langson.gov.vn",
                "responsible_person": "Nguyễn Văn A",
                "hotline": "0205 3812 000",
            },
        ),
        port=80,
    )


@pytest.fixture
def department(portal, kinds):
    return create_site(
        SiteRequest(agency_name="Sở Khoa học và Công nghệ", kind=kinds["department"], parent=portal), port=80
    )


@pytest.fixture
def district(portal, kinds):
    return create_site(
        SiteRequest(agency_name="Huyện Cao Lộc", kind=kinds["district"], parent=portal), port=80
    )


@pytest.fixture
def commune(district, kinds):
    return create_site(
        SiteRequest(agency_name="Xã Song Giáp", kind=kinds["commune"], parent=district), port=80
    )


# --- migration tests -------------------------------------------------------------------------------
# A test marked ``migration`` moves the schema back and forth with MigrationExecutor, which needs a
# transactional test (SQLite cannot alter tables inside the test's transaction). Such a test ends with a
# flush; the hook below then reloads the data the migrations made (root page, default site, locales,
# site kinds …, serialized once per session because the test asks for serialized_rollback), so a test
# that runs after it in the same worker finds the database as migrate left it, whatever the order.


class Migrator:
    def __init__(self, connection):
        from django.db.migrations.executor import MigrationExecutor

        self.connection = connection
        self.executor = MigrationExecutor(connection)

    def migrate(self, targets):
        """Schema (and data) at ``targets`` [(app, migration)]; returns the historical apps there."""
        self.executor.loader.build_graph()
        self.executor.migrate(targets)
        self.executor.loader.build_graph()
        return self.executor.loader.project_state(targets).apps

    def migrate_to_latest(self):
        self.executor.loader.build_graph()
        return self.migrate(self.executor.loader.graph.leaf_nodes())


@pytest.fixture
def migrator(transactional_db):
    from django.db import connection

    migrator = Migrator(connection)
    yield migrator
    migrator.migrate_to_latest()  # also when the test failed half-way


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    result = yield
    if item.get_closest_marker("migration"):
        from django.db import connections
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            for connection in connections.all():
                contents = getattr(connection, "_test_serialized_contents", None)
                if contents:
                    connection.creation.deserialize_db_from_string(contents)
    return result
