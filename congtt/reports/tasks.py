from django_tasks import task


@task()
def build_report_task(run_id: int) -> None:
    from .services import run

    run(run_id)
