"""Beat and workers, real processes on the test database and the configured broker (kombu's
filesystem transport by default, Redis when REDIS_URL is set), run the reporting cycles'
schedules that the migration created: beat sends the morning reminders and a worker mails each
editor one digest however often the run repeats and however many workers take it; beat opens the
six-month cycle of the half-year just ended and its editors are told."""

import datetime
import email
import email.policy
import re
import time
from email.message import EmailMessage
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps
from django.utils import timezone

from core.models import OutgoingMail
from core.tests.beat import WAIT_SECONDS, fire_every_second
from cycles import services
from cycles.models import DuePeriod, ReportingCycle
from initiatives.models import InitiativePartner
from initiatives.tests.factories import (
    IndicatorFactory,
    InitiativeFactory,
    InitiativePartnerFactory,
    ResultFactory,
)
from members.tests.factories import EditorRequestFactory, OrganisationFactory, UserFactory
from network_portal.celery import app as celery_app

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("migrated_rows", "cycle_schedules"),
]

BASE = "https://npap.example.vn"
REMINDERS = "Nhắc hạn báo cáo kết quả"
REMINDER_TASK = "cycles.tasks.send_reminders"
SIX_MONTH = "Mở chu kỳ báo cáo 6 tháng"
OPENED_SUBJECT = "[NPAP] Một kỳ báo cáo kết quả đã mở"
MAIL_SEPARATOR = b"\n" + b"-" * 79 + b"\n"


@pytest.fixture
def cycle_schedules(migrated_rows) -> None:
    """The cycles' beat schedules, put back where a test that emptied the database removed them."""
    import_module("cycles.migrations.0002_schedules_and_roles").create_schedules(apps, None)


@pytest.fixture
def processes(start_celery, tmp_path):
    """Start workers and beat with the file mail backend and absolute links to ``BASE``. Only what
    beat sends from now on reaches the workers, nothing a test or an earlier one left queued."""

    class Processes:
        mail = tmp_path / "mail"

        def start(self, *, workers: int) -> None:
            celery_app.control.purge()
            env = {
                "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
                "EMAIL_FILE_PATH": str(self.mail),
                "PORTAL_BASE_URL": BASE,
            }
            self.workers = [start_celery("worker", **env)]
            for number in range(2, workers + 1):
                # Celery's command line reads CELERY_WORKER_<OPTION>: a node name and a log of
                # its own, so the test can tell which worker ran what.
                self.workers.append(
                    start_celery(
                        "worker",
                        CELERY_WORKER_HOSTNAME=f"worker{number}@%h",
                        CELERY_WORKER_LOGFILE=str(self.worker_log(number)),
                        **env,
                    )
                )
            start_celery("beat")

        def stop_worker(self, number: int) -> None:
            """A warm shutdown: the worker finishes the task in hand and leaves."""
            worker = self.workers[number - 1]
            worker.terminate()
            worker.wait(timeout=WAIT_SECONDS)

        def worker_log(self, number: int) -> Path:
            return tmp_path / ("celery-worker.log" if number == 1 else f"celery-worker{number}.log")

        def log(self, path: Path) -> str:
            return path.read_text(errors="replace") if path.exists() else ""

        def beat_sent(self, name: str) -> int:
            return self.log(tmp_path / "celery-beat.log").count(f"Sending due task {name} (")

        def runs(self, task: str, number: int) -> list[str]:
            """What each run of ``task`` on worker ``number`` returned, in its log."""
            return re.findall(
                rf"{re.escape(task)}\[[^\]]+\] succeeded in [\d.]+s: (.*)", self.log(self.worker_log(number))
            )

        def tails(self) -> str:
            logs = [tmp_path / "celery-beat.log", *sorted(tmp_path.glob("celery-worker*.log"))]
            return "\n".join(f"--- {path.name}\n{self.log(path)[-3000:]}" for path in logs)

        def mails(self) -> list[EmailMessage]:
            found = []
            for path in sorted(self.mail.glob("*.log")) if self.mail.exists() else []:
                # The file backend ends each message with a line of dashes: what follows the last
                # one is a message still being written.
                for raw in path.read_bytes().split(MAIL_SEPARATOR)[:-1]:
                    if raw.strip():
                        found.append(email.message_from_bytes(raw.lstrip(), policy=email.policy.default))
            return found

        def mails_to(self, address: str) -> list[EmailMessage]:
            return [message for message in self.mails() if message["To"] == address]

        def wait_for(self, what: str, check):
            deadline = time.monotonic() + WAIT_SECONDS
            while time.monotonic() < deadline:
                if result := check():
                    return result
                time.sleep(0.5)
            raise AssertionError(f"{what}: not within {WAIT_SECONDS} s\n{self.tails()}")

    return Processes()


def written(results: list[str]) -> int:
    """How many editors' digests the runs whose results these are wrote."""
    return sum(int(re.search(r"'editors': (\d+)", result)[1]) for result in results)


def text_of(message: EmailMessage) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def test_beat_sends_the_reminders_and_each_editor_gets_one_digest_however_often_and_on_whichever_worker(
    network, processes, tmp_path
):
    today = timezone.localdate()
    # Opened today and due in a month: today is the cycle's opening day, and nothing else.
    cycle = network["cycle"]
    cycle.opens_on, cycle.due_on = today, today + datetime.timedelta(days=30)
    cycle.save()
    services.cycle_open(cycle=cycle, user=network["coordinator"])
    assert not OutgoingMail.objects.exists()
    fire_every_second(REMINDERS, REMINDER_TASK)
    processes.start(workers=2)

    cecr, greenhub = network["editor"].email, network["greenhub_editor"].email
    processes.wait_for(
        "a digest to each editor", lambda: processes.mails_to(cecr) and processes.mails_to(greenhub)
    )
    # Which worker takes which of beat's sends is the broker's choice: the one that wrote the
    # digests leaves, and beat's next runs all go to the other one.
    writer = processes.wait_for(
        "the run that wrote them",
        lambda: next((number for number in (1, 2) if written(processes.runs(REMINDER_TASK, number))), None),
    )
    other = 3 - writer
    processes.stop_worker(writer)
    runs_before = len(processes.runs(REMINDER_TASK, other))
    processes.wait_for(
        "three more runs on the other worker",
        lambda: len(processes.runs(REMINDER_TASK, other)) >= runs_before + 3,
    )
    assert processes.beat_sent(REMINDERS) >= 4
    assert "SchedulingError" not in processes.log(tmp_path / "celery-beat.log")
    processes.wait_for(
        "every digest handed to the mail server",
        lambda: not OutgoingMail.objects.exclude(status=OutgoingMail.Status.SENT).exists(),
    )

    # The runs on both workers wrote two digests in all: one for each editor, for today.
    assert written(processes.runs(REMINDER_TASK, 1) + processes.runs(REMINDER_TASK, 2)) == 2
    assert written(processes.runs(REMINDER_TASK, other)[runs_before:]) == 0
    digests = OutgoingMail.objects.filter(kind="cycle-reminder")
    assert sorted(digests.values_list("to_email", flat=True)) == sorted([cecr, greenhub])
    assert {mail.key.split(":")[1] for mail in digests} == {today.isoformat()}
    [cecr_mail] = processes.mails_to(cecr)
    [greenhub_mail] = processes.mails_to(greenhub)
    # The funder's editor reports nothing; nothing waits for the approvers.
    assert {message["To"] for message in processes.mails()} == {cecr, greenhub}

    assert cecr_mail["Subject"].strip() == OPENED_SUBJECT
    text = text_of(cecr_mail)
    assert "Tổ chức của bạn cần báo cáo số liệu cho 3 sáng kiến." in text
    for title in [
        "ASPPIRe: người thu gom phế liệu và phụ nữ",
        "Mô hình kinh tế tuần hoàn cho rác thải nhựa giá trị thấp",
        "Trường học xanh Hoàn Kiếm",
    ]:
        assert title in text
        assert title in cecr_mail.get_body(preferencelist=("html",)).get_content()
    assert f"hạn {cycle.due_on:%d/%m/%Y}" in text
    assert f"Xem các nội dung cần báo cáo:\n{BASE}/vi/cycles/due/\n" in text
    assert greenhub_mail["Subject"].strip() == OPENED_SUBJECT
    assert "Trường học xanh Hoàn Kiếm" in text_of(greenhub_mail)
    assert "ASPPIRe" not in text_of(greenhub_mail)
    assert f"{BASE}/vi/cycles/due/" in text_of(greenhub_mail)


def test_beat_opens_the_six_month_cycle_of_the_half_year_just_ended_and_its_editors_are_told(processes):
    today = timezone.localdate()
    # The half-year just ended, worked out here from the real date, as beat's run does.
    if today.month >= 7:
        start, end, half = datetime.date(today.year, 1, 1), datetime.date(today.year, 6, 30), "đầu"
    else:
        start, end, half = datetime.date(today.year - 1, 7, 1), datetime.date(today.year - 1, 12, 31), "cuối"
    cecr = OrganisationFactory(name_vi="Trung tâm Nghiên cứu Môi trường và Cộng đồng", acronym="CECR")
    running = InitiativeFactory(
        title_vi="Mô hình phân loại rác tại nguồn ở Nam Từ Liêm",
        start=start - datetime.timedelta(days=365),
        end=end + datetime.timedelta(days=365),
    )
    ended = InitiativeFactory(
        title_vi="Chiến dịch nói không với túi ni lông",
        start=start.replace(year=start.year - 2),
        end=start - datetime.timedelta(days=1),
    )
    indicators = {}
    for initiative in (running, ended):
        InitiativePartnerFactory(
            initiative=initiative, organisation=cecr, role=InitiativePartner.Role.ACCOUNTABLE
        )
        indicators[initiative] = IndicatorFactory(result=ResultFactory(initiative=initiative), unit_vi="hộ")
    editor = EditorRequestFactory(organisation=cecr, user=UserFactory(email="bientap@cecr.org.vn")).user
    six_month = fire_every_second(SIX_MONTH, "cycles.tasks.schedule_cycle")
    assert six_month.kwargs == '{"kind": "six_month"}'
    processes.start(workers=1)

    # Beat sends the run, the worker opens the cycle, and the opening's reminders follow.
    [digest] = processes.wait_for("the opening digest", lambda: processes.mails_to(editor.email))
    processes.wait_for("three runs", lambda: len(processes.runs("cycles.tasks.schedule_cycle", 1)) >= 3)
    runs = processes.runs("cycles.tasks.schedule_cycle", 1)
    assert processes.beat_sent(SIX_MONTH) >= 3

    # However many times beat sent it, the half-year has one cycle: the first run made it.
    [cycle] = ReportingCycle.objects.all()
    assert runs == [str(cycle.pk)] + ["None"] * (len(runs) - 1)
    assert (cycle.period_start, cycle.period_end) == (start, end)
    assert cycle.name_vi == f"Kỳ báo cáo 6 tháng {half} năm {start.year}"
    assert cycle.kind == ReportingCycle.Kind.SIX_MONTH and cycle.all_active
    assert cycle.status == ReportingCycle.Status.OPEN and cycle.opened_by is None
    assert cycle.opens_on == today
    assert cycle.due_on == max(today.replace(day=15), today + datetime.timedelta(days=7))
    # Every initiative running in the half-year reports in it; one that had ended does not.
    [due] = DuePeriod.objects.filter(cycle=cycle)
    assert due.initiative == running
    assert (due.period.indicator, due.period.start, due.period.end) == (indicators[running], start, end)

    # Due a week from now when the schedule runs after the 8th of the month (beat's own days are
    # the 1st), so the digest then says the due date is near rather than that the cycle opened.
    soon = cycle.due_on - today == datetime.timedelta(days=cycle.remind_days_before)
    assert digest["Subject"].strip() == ("[NPAP] Sắp đến hạn báo cáo kết quả" if soon else OPENED_SUBJECT)
    text = text_of(digest)
    assert "Mô hình phân loại rác tại nguồn ở Nam Từ Liêm" in text
    assert "Chiến dịch nói không với túi ni lông" not in text
    assert cycle.name_vi in text
    assert f"{BASE}/vi/cycles/due/" in text
    assert len(processes.mails_to(editor.email)) == 1
