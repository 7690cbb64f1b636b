"""Celery tasks of the results framework: thin wrappers around the services."""

from core.tasks import retried_task

from . import figures

# The check reads every approved update once, a few indicators at a time: under a minute at
# national scale. Ten minutes stays below the broker's visibility timeout; the soft limit lets a
# run that overruns stop cleanly, and the next night's run starts afresh.
CHECK_TIME_LIMIT = 600
CHECK_SOFT_TIME_LIMIT = 540


@retried_task(
    retry_backoff=60, max_retries=3, soft_time_limit=CHECK_SOFT_TIME_LIMIT, time_limit=CHECK_TIME_LIMIT
)
def check_results_figures() -> list[int]:
    """Beat's nightly check: the indicators whose kept figures differed, now written again."""
    return figures.year_figures_check(repair=True)
