"""Background tasks. Each takes ids and calls a service."""

from django_tasks import task

from .services import grouping_run_execute


@task()
def group_similar_items(run_id: int) -> str | None:
    run = grouping_run_execute(run_id=run_id)
    return run.status if run else None
