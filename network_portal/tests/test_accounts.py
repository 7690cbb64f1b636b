"""Accounts: email as the login, allauth in front of the admin, pages in Vietnamese."""

import pytest
from django.core import mail


@pytest.mark.django_db
def test_the_admin_login_is_allauths(client):
    response = client.get("/vi/admin/login/?next=/vi/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/vi/accounts/login/")


@pytest.mark.django_db
def test_a_member_editor_is_not_let_into_the_admin(client, django_user_model):
    django_user_model.objects.create_user(username="lan", email="lan@greenhub.test", password="Mat-khau-2026")
    client.post("/vi/accounts/login/", {"login": "lan@greenhub.test", "password": "Mat-khau-2026"})
    response = client.get("/vi/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_sign_up_with_an_email_sends_a_vietnamese_verification(client, django_user_model):
    response = client.post(
        "/vi/accounts/signup/",
        {"email": "thu.nguyen@greenhub.test", "password1": "Nhua-xanh-2026!", "password2": "Nhua-xanh-2026!"},
    )
    assert response.status_code == 302
    assert django_user_model.objects.filter(email="thu.nguyen@greenhub.test").exists()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["thu.nguyen@greenhub.test"]
    assert "Xác nhận" in mail.outbox[0].subject or "xác nhận" in mail.outbox[0].body


@pytest.mark.django_db
def test_a_wrong_password_gets_a_vietnamese_error_and_keeps_the_email(client, coordinator):
    response = client.post("/vi/accounts/login/", {"login": coordinator.email, "password": "sai"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "không đúng" in html
    assert f'value="{coordinator.email}"' in html


@pytest.mark.django_db
def test_login_attempts_are_rate_limited(client, coordinator):
    for _ in range(12):
        response = client.post("/vi/accounts/login/", {"login": coordinator.email, "password": "sai"})
    assert response.status_code == 429 or "quá nhiều" in response.content.decode().lower()
