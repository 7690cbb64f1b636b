"""``bench/iati.py`` at a tiny scale, its export in this process: every published initiative of
the generated dataset is written, the file is valid IATI, the queries follow the pages and not
the initiatives, and an export stopped early stops reading. Calls ``bench.dataset`` directly:
``bench`` need not be installed."""

import json

import pytest

from bench import dataset
from bench import iati as bench_iati
from initiatives.models import Initiative

SCALE = 0.002  # 16 initiatives, 1,000 updates


@pytest.fixture
def generated(db, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    dataset.generate(scale=SCALE, seed=7, analyze=False)
    return Initiative.objects.filter(is_published=True).count()


def test_the_benchmark_exports_every_published_initiative_as_valid_iati(generated, tmp_path):
    path = tmp_path / "activities.xml"
    result = bench_iati.export(page_size=200, path=path)
    assert result["activities"] == generated > 0
    assert result["bytes"] == path.stat().st_size
    assert result["pieces"] == generated + 2  # the opening, one per activity, the closing
    assert 0 < result["first_byte"] <= result["seconds"]
    assert bench_iati.validate(path).endswith("valid against iati-activities-schema.xsd")


def test_its_queries_follow_the_pages_not_the_initiatives(generated):
    one_page = bench_iati.export(page_size=200)["queries"]
    pages = -(-generated // 4)
    per_page = (bench_iati.export(page_size=4)["queries"] - one_page) / (pages - 1)
    assert per_page <= 14
    assert one_page <= 2 + 14  # the disaggregation values, a page, and the empty page that ends it


def test_an_export_stopped_early_reads_no_further(generated):
    stopped = bench_iati.export(page_size=4, stop_after=3)
    assert stopped["activities"] == 3
    assert stopped["queries"] < bench_iati.export(page_size=4)["queries"]


def test_the_child_reports_one_line_of_json(generated, capsys):
    bench_iati.child("200", "0", "")
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert result["activities"] == generated
    case = bench_iati.Case(200)
    assert bench_iati.row(case, [(result, 90_000)]).startswith(f"| 200 | all | {generated} |")
