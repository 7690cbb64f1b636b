"""A portal installed before the layers move (commit e4fe991) upgrades without losing anything.

The move gave pillars, technical groups and provinces to ``vocabulary`` and the mail to ``core``
while their tables stayed where they were. This restores a demo database and its uploads made
at e4fe991 (README.md says how), runs today's migrations on them in a separate process, and
compares the database before and after: every table and row, the roles' permissions, beat's
schedules and every uploaded file. The test keeps to its own SQLite file, whatever database the
rest of the suite runs on.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.migration.store_premove_demo import FILES, restore

REPO = Path(__file__).resolve().parents[2]

# The models the move gave to another app: (app before, model) -> app now.
MOVED = {
    ("members", "province"): "vocabulary",
    ("initiatives", "pillar"): "vocabulary",
    ("initiatives", "technicalgroup"): "vocabulary",
    ("network_portal", "accountsettings"): "core",
    ("network_portal", "outgoingmail"): "core",
}
RENAMED_TASKS = {"network_portal.tasks.sweep_mail": "core.tasks.sweep_mail"}
# The moved models, as the portal names them now, and the tables they kept.
MOVED_TABLES = {
    "vocabulary.Pillar": "initiatives_pillar",
    "vocabulary.TechnicalGroup": "initiatives_technicalgroup",
    "vocabulary.Province": "members_province",
    "core.AccountSettings": "network_portal_accountsettings",
    "core.OutgoingMail": "network_portal_outgoingmail",
}

# What the stored demo's accounts were given before the move, named as the portal names it now:
# the coordinator's own grants on moved models, then what the roles (groups) gave.
PERMISSIONS = {
    "coordinator": [
        "core.change_outgoingmail",
        "core.view_outgoingmail",
        "vocabulary.change_pillar",
        "vocabulary.change_province",
        "vocabulary.change_technicalgroup",
        "vocabulary.view_province",
    ],
    "approver": ["initiatives.approve_indicatorupdate", "initiatives.view_updateevidence"],
    "reportstaff": ["django_celery_beat.change_periodictask", "reports.add_reportrun"],
}

PUBLIC, PRIVATE = "media", "private"
# Documents keep one file field for both sides: a stored name beginning with "private/" is under
# the private root, any other under the public one (core.private_files).
EITHER = "either"
FILE_COLUMNS = {
    "members_organisation": {"logo": PUBLIC, "logo_thumbnail": PUBLIC},
    "members_historicalorganisation": {"logo": PUBLIC},
    "events_eventphoto": {"image": PUBLIC, "thumbnail": PUBLIC},
    "events_eventdocument": {"file": EITHER},
    "initiatives_initiativephoto": {"image": PUBLIC, "thumbnail": PUBLIC},
    "initiatives_initiativedocument": {"file": EITHER},
    "initiatives_updateevidence": {"file": PRIVATE},
    "initiatives_historicalupdateevidence": {"file": PRIVATE},
    "reports_reportfile": {"file": PRIVATE},
    "reports_publishedreport": {"cover": PUBLIC, "cover_thumbnail": PUBLIC},
    "reports_historicalpublishedreport": {"cover": PUBLIC},
}

# Run by the migrated portal: what it reads through its models, as one line of JSON.
READ_THROUGH_MODELS = """
import hashlib, json
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django_celery_beat.models import PeriodicTask
from network_portal.celery import app

counts = {label: apps.get_model(label).objects.count() for label in %(labels)r}
files = {}
for model in apps.get_models():
    for field in model._meta.concrete_fields:
        if isinstance(field, models.FileField):
            for row in model.objects.exclude(**{field.name: ""}):
                stored = getattr(row, field.name)
                try:
                    with stored.open("rb") as handle:
                        digest = hashlib.sha256(handle.read()).hexdigest()
                except FileNotFoundError:
                    digest = None
                files.setdefault(f"{model._meta.db_table}.{field.column}", {})[stored.name] = digest
users = get_user_model().objects.in_bulk(%(usernames)r, field_name="username")
permissions = {name: sorted(p for p in wanted if users[name].has_perm(p)) for name, wanted in %(permissions)r.items()}
app.loader.import_default_modules()
tasks = {task.task: task.task in app.tasks for task in PeriodicTask.objects.all()}
print(json.dumps({"counts": counts, "files": files, "permissions": permissions, "tasks": tasks}))
"""


@dataclass(frozen=True)
class Migrated:
    var_dir: Path
    before: Path
    after: Path
    env: dict[str, str]


def portal_env(var_dir: Path) -> dict[str, str]:
    """The portal on the embedded stack, everything under ``var_dir``, whatever this run uses."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "CELERY_RESULT_BACKEND"}
    }
    env.update(
        PORTAL_VAR_DIR=str(var_dir),
        DJANGO_MEDIA_ROOT=str(var_dir / PUBLIC),
        DJANGO_PRIVATE_MEDIA_ROOT=str(var_dir / PRIVATE),
    )
    return env


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def migrated(tmp_path_factory) -> Migrated:
    root = tmp_path_factory.mktemp("layers-move")
    var_dir = root / "var"
    var_dir.mkdir()
    before = root / "before.sqlite3"
    restore(var_dir, sqlite_file=before)
    shutil.copyfile(before, var_dir / "portal.sqlite3")
    env = portal_env(var_dir)
    result = manage(env, "migrate", "--noinput")
    assert result.returncode == 0, result.stdout + result.stderr
    return Migrated(var_dir=var_dir, before=before, after=var_dir / "portal.sqlite3", env=env)


@pytest.fixture(scope="module")
def read_through_models(migrated) -> dict:
    script = READ_THROUGH_MODELS % {
        "labels": sorted(MOVED_TABLES),
        "usernames": sorted(PERMISSIONS),
        "permissions": PERMISSIONS,
    }
    result = manage(migrated.env, "shell", "--verbosity", "0", "--command", script)
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@contextmanager
def connect(path: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    connection.row_factory = sqlite3.Row
    try:
        yield connection
    finally:
        connection.close()


def tables(connection: sqlite3.Connection) -> list[str]:
    query = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
    return [row["name"] for row in connection.execute(query)]


def columns(connection: sqlite3.Connection, table: str) -> list[str]:
    return [row["name"] for row in connection.execute(f'PRAGMA table_info("{table}")')]


def rows_by_key(connection: sqlite3.Connection, table: str, names: list[str], key: list[str]) -> dict:
    """The table's rows, as ``names`` to values, by primary key, in primary-key order."""
    select = ", ".join(f'"{name}"' for name in names)
    order = ", ".join(f'"{name}"' for name in key)
    found = connection.execute(f'SELECT {select} FROM "{table}" ORDER BY {order}')
    return {tuple(row[name] for name in key): dict(row) for row in found}


def primary_key(connection: sqlite3.Connection, table: str) -> list[str]:
    info = sorted((row["pk"], row["name"]) for row in connection.execute(f'PRAGMA table_info("{table}")'))
    return [name for position, name in info if position]


def content_type_moved(row: dict) -> dict:
    return {**row, "app_label": MOVED.get((row["app_label"], row["model"]), row["app_label"])}


def task_renamed(row: dict) -> dict:
    return {**row, "task": RENAMED_TASKS.get(row["task"], row["task"])}


# What the move changes in rows on purpose; each is also checked on its own below.
REWRITTEN: dict[str, Callable[[dict], dict]] = {
    "django_content_type": content_type_moved,
    "django_celery_beat_periodictask": task_renamed,
}


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def stored_at(root: str, name: str) -> str:
    """Where a stored name lives, relative to the var folder."""
    if root == EITHER:
        root, name = (
            (PRIVATE, name.removeprefix("private/")) if name.startswith("private/") else (PUBLIC, name)
        )
    return f"{root}/{name}"


def root_of(column: str) -> str:
    table, name = column.split(".")
    return FILE_COLUMNS[table][name]


def files_named(path: Path, *, with_history: bool = True) -> dict[str, set[str]]:
    """``table.column`` -> the files its rows name, relative to the var folder."""
    named: dict[str, set[str]] = {}
    with connect(path) as connection:
        for table, roots in FILE_COLUMNS.items():
            if "historical" in table and not with_history:
                continue
            for column, root in roots.items():
                query = f'SELECT "{column}" FROM "{table}" WHERE "{column}" != \'\''
                names = {stored_at(root, row[column]) for row in connection.execute(query)}
                named.setdefault(f"{table}.{column}", set()).update(names)
    return named


def stored_files() -> dict[str, str]:
    """Each upload in the stored demo, relative to the var folder, with the digest of its bytes."""
    with tarfile.open(FILES, "r:gz") as tar:
        return {member.name: digest(tar.extractfile(member).read()) for member in tar if member.isfile()}


def group_permissions(path: Path) -> dict[str, set[tuple[str, int]]]:
    query = """
        SELECT g.name, p.codename, p.content_type_id FROM auth_group g
        JOIN auth_group_permissions gp ON gp.group_id = g.id
        JOIN auth_permission p ON p.id = gp.permission_id
    """
    granted: dict[str, set[tuple[str, int]]] = {}
    with connect(path) as connection:
        for row in connection.execute(query):
            granted.setdefault(row["name"], set()).add((row["codename"], row["content_type_id"]))
    return granted


def test_every_table_and_column_of_the_old_database_is_still_there(migrated):
    with connect(migrated.before) as before, connect(migrated.after) as after:
        missing = {
            table: sorted(set(columns(before, table)) - set(columns(after, table)))
            for table in tables(before)
        }
        assert set(tables(before)) <= set(tables(after))
    assert {table: lost for table, lost in missing.items() if lost} == {}


def test_every_row_of_the_old_database_keeps_its_values(migrated):
    changed = {}
    with connect(migrated.before) as before, connect(migrated.after) as after:
        for table in tables(before):
            if table == "sqlite_sequence":
                continue
            key = primary_key(before, table)
            assert key, f"{table} has no primary key to match its rows by"
            names = columns(before, table)
            rewrite = REWRITTEN.get(table, dict)
            expected = {pk: rewrite(row) for pk, row in rows_by_key(before, table, names, key).items()}
            found = rows_by_key(after, table, names, key)
            differing = [(pk, row, found.get(pk)) for pk, row in expected.items() if found.get(pk) != row]
            if differing:
                changed[table] = differing[:3]
        # SQLite's own table: the last id given in each table, one row per table, no key.
        counters_before = {row["name"]: row["seq"] for row in before.execute("SELECT * FROM sqlite_sequence")}
        counters_after = {row["name"]: row["seq"] for row in after.execute("SELECT * FROM sqlite_sequence")}
    assert changed == {}
    # An id counter that went back would hand out the ids of existing rows again.
    assert {name: seq for name, seq in counters_before.items() if counters_after.get(name, 0) < seq} == {}


def test_the_moved_models_keep_their_content_type_ids_under_their_new_app(migrated):
    query = "SELECT id, app_label, model FROM django_content_type"
    with connect(migrated.before) as before, connect(migrated.after) as after:
        ids_before = {(row["app_label"], row["model"]): row["id"] for row in before.execute(query)}
        labels_after = {row["id"]: (row["app_label"], row["model"]) for row in after.execute(query)}
    assert {labels_after[ids_before[moved]] for moved in MOVED} == {
        (app, model) for (_, model), app in MOVED.items()
    }
    assert not {moved for moved in MOVED if moved in set(labels_after.values())}


def test_the_roles_keep_every_permission_they_were_given(migrated):
    before, after = group_permissions(migrated.before), group_permissions(migrated.after)
    with connect(migrated.before) as connection:
        moved_ids = {
            row["id"]
            for row in connection.execute("SELECT id, app_label, model FROM django_content_type")
            if (row["app_label"], row["model"]) in MOVED
        }
    assert len(before) == 3
    assert any(content_type in moved_ids for granted in before.values() for _, content_type in granted)
    # Later migrations may give a role the permissions of a new app; none takes one away.
    assert after.keys() == before.keys()
    assert {role: before[role] - after[role] for role in before} == {role: set() for role in before}


def test_the_accounts_hold_their_permissions_under_the_new_names(read_through_models):
    assert read_through_models["permissions"] == PERMISSIONS


def test_the_mail_sweep_schedule_names_the_task_where_it_now_lives(migrated, read_through_models):
    query = "SELECT id, task FROM django_celery_beat_periodictask"
    with connect(migrated.before) as before, connect(migrated.after) as after:
        sweep = {row["task"]: row["id"] for row in before.execute(query)}["network_portal.tasks.sweep_mail"]
        tasks_after = {row["id"]: row["task"] for row in after.execute(query)}
    assert tasks_after[sweep] == "core.tasks.sweep_mail"
    assert read_through_models["tasks"]["core.tasks.sweep_mail"] is True
    assert all(read_through_models["tasks"].values()), read_through_models["tasks"]


def test_every_uploaded_file_stays_at_its_stored_name_with_the_same_bytes(migrated):
    stored = stored_files()
    named = set().union(*files_named(migrated.before).values())
    # The stored demo itself: each upload named by a row, each named file stored, on both sides.
    assert named == set(stored)
    assert {path.split("/")[0] for path in named} == {PUBLIC, PRIVATE}
    found = {
        path: digest((migrated.var_dir / path).read_bytes()) if (migrated.var_dir / path).is_file() else None
        for path in named
    }
    assert found == stored
    assert files_named(migrated.after) == files_named(migrated.before)


def test_the_portal_reads_the_moved_rows_and_the_files_through_its_new_models(migrated, read_through_models):
    with connect(migrated.before) as before:
        counts = {
            label: before.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            for label, table in MOVED_TABLES.items()
        }
    assert read_through_models["counts"] == counts
    assert all(counts.values())

    stored = stored_files()
    named = files_named(migrated.before, with_history=False)
    opened = read_through_models["files"]
    assert set(opened) == set(named)
    found = {
        column: {stored_at(root_of(column), name): file_digest for name, file_digest in files.items()}
        for column, files in opened.items()
    }
    assert found == {column: {path: stored[path] for path in paths} for column, paths in named.items()}


def test_nothing_is_left_to_migrate(migrated):
    unapplied = manage(migrated.env, "migrate", "--check")
    assert unapplied.returncode == 0, unapplied.stdout + unapplied.stderr
    changes = manage(migrated.env, "makemigrations", "--check", "--dry-run")
    assert changes.returncode == 0, changes.stdout + changes.stderr
