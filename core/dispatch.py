"""Handing a task to the broker without letting a dead or hung broker stall the caller."""

import logging
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

logger = logging.getLogger(__name__)

# How long a request may wait for the broker to take a message. Kept under two seconds so a
# dead or hung broker never stalls a page; what was not sent is picked up by a sweep.
DISPATCH_TIMEOUT_SECONDS = 1.5

_executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="task-dispatch")


class NotDispatched(Exception):
    """The broker did not take the message: ``timed_out`` tells a hung broker from a dead one."""

    def __init__(self, reason: str, *, timed_out: bool):
        super().__init__(reason)
        self.timed_out = timed_out


def send_task(task, *, args: list, timeout: float = DISPATCH_TIMEOUT_SECONDS) -> None:
    """Send ``task`` with ``args``; raise :class:`NotDispatched` if the broker does not take it.

    The send happens in a worker thread so a hung broker costs the caller ``timeout`` seconds at
    most. If the send completes later anyway, the task must be safe to run twice.
    """
    future = _executor.submit(task.apply_async, args=args)
    try:
        future.result(timeout=timeout)
    except FutureTimeout:
        logger.warning("%s%s not sent: the broker did not answer in time", task.name, args)
        raise NotDispatched("timeout", timed_out=True) from None
    except Exception as exc:  # refused connection, DNS, auth: the broker is unusable right now
        logger.warning("%s%s not sent: %s", task.name, args, exc)
        raise NotDispatched(str(exc), timed_out=False) from exc
