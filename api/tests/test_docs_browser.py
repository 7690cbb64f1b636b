"""Browser check: the API's documentation works in Debian's chromium under the site's content
security policy, with every file from our own origin, and a reader can try an endpoint."""

import pytest
from playwright.sync_api import Page, expect

from members.tests.factories import OrganisationFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_reader_opens_the_api_docs_and_tries_an_endpoint(live_server, page: Page, tmp_path):
    OrganisationFactory(slug="greenhub", name_vi="Trung tâm Hỗ trợ Phát triển Xanh")
    requests, problems = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation',"
        " e => console.error('CSP refused ' + e.violatedDirective + ' ' + e.blockedURI))"
    )

    page.goto(f"{live_server.url}/api/v1/docs/")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("NPAP Việt Nam API")
    operation = page.locator("[id^='operations-'][id$='-organisations_list']")
    expect(operation.first).to_be_visible()

    operation.first.locator(".opblock-summary").click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    expect(page.locator(".live-responses-table tbody .response-col_status").first).to_have_text("200")
    expect(page.locator(".live-responses-table")).to_contain_text("greenhub")
    page.screenshot(path=tmp_path / "api-docs.png", full_page=True)

    assert problems == []
    assert requests and all(url.startswith(live_server.url) for url in requests), requests
