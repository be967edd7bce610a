"""The sign-in form: CSRF, generic failures, lockout, safe redirects, a fresh session, sign-out."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from models.accounts import AuthEvent
from tests.support.auth import csrf_token, sign_in
from tests.support.factories import PASSWORD, make_user

pytestmark = pytest.mark.sqlite

BROWSER = {"User-Agent": "Mozilla/5.0 PortalTest/2.0"}


def post_sign_in(client, email, password, next_url=None):
    data = {"email": email, "password": password, "csrf_token": csrf_token(client)}
    if next_url is not None:
        data["next"] = next_url
    return client.post(
        "/auth/sign-in", data=data, headers=BROWSER, environ_base={"REMOTE_ADDR": "192.0.2.44"}
    )


def kinds(db):
    db.expire_all()
    return db.scalars(select(AuthEvent.kind).order_by(AuthEvent.id)).all()


def test_sign_in_page_is_a_labelled_csrf_protected_form(client):
    page = client.get("/auth/sign-in").get_data(as_text=True)
    assert 'name="csrf_token"' in page
    assert '<label class="form-label" for="email">' in page and 'autocomplete="username"' in page
    assert 'autocomplete="current-password"' in page
    assert '<html lang="en-GB">' in page


def test_post_without_csrf_token_is_refused(client, db):
    user = make_user(db)
    response = client.post("/auth/sign-in", data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 400
    assert kinds(db) == []


def test_success_redirects_to_next_and_records_ip_and_browser(client, db):
    user = make_user(db)
    response = post_sign_in(client, user.email.upper(), PASSWORD, "/organisations?q=rgt")
    assert response.status_code == 302
    assert response.headers["Location"] == "/organisations?q=rgt"
    event = db.scalar(select(AuthEvent))
    assert (event.kind, event.ip_address, event.user_agent) == (
        "sign_in",
        "192.0.2.44",
        "Mozilla/5.0 PortalTest/2.0",
    )


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "x"],
)
def test_next_must_be_a_path_on_this_site(client, db, target):
    user = make_user(db)
    assert post_sign_in(client, user.email, PASSWORD, target).headers["Location"] == "/"


def test_failures_get_one_generic_message(client, db):
    user = make_user(db)
    wrong = post_sign_in(client, user.email, "wrong-password")
    unknown = post_sign_in(client, "nobody@example.nhs.uk", PASSWORD)
    assert wrong.status_code == unknown.status_code == 200
    message = "The email address or password is not right."
    assert message in wrong.get_data(as_text=True) and message in unknown.get_data(as_text=True)


def test_fifth_failure_locks_and_says_so(client, db):
    user = make_user(db)
    for _ in range(4):
        post_sign_in(client, user.email, "wrong-password")
    locked = post_sign_in(client, user.email, "wrong-password")
    assert locked.status_code == 200
    assert "locked for 10 minutes after 5 failed attempts" in locked.get_data(as_text=True)
    again = post_sign_in(client, user.email, PASSWORD)
    assert again.status_code == 200 and "Try again in 10 minutes" in again.get_data(as_text=True)
    assert kinds(db) == ["sign_in_failed"] * 5 + ["lockout", "sign_in_locked"]


def test_signing_in_starts_a_fresh_session(client, db):
    user = make_user(db)
    with client.session_transaction() as session:
        session["planted"] = "by an attacker"
    sign_in(client, user)
    with client.session_transaction() as session:
        assert "planted" not in session
        assert session["_user_id"] == f"{user.id}:{user.session_token}"


def test_sign_out_is_a_post_and_is_recorded(client, db):
    user = make_user(db)
    sign_in(client, user)
    client.get("/auth/sign-out")  # a link or image cannot sign anyone out
    assert client.get("/account/password").status_code == 200
    token = csrf_token(client, "/account/password")
    response = client.post("/auth/sign-out", data={"csrf_token": token})
    assert response.headers["Location"] == "/auth/sign-in"
    assert kinds(db) == ["sign_in", "sign_out"]
    assert client.get("/account/password").status_code == 302


def test_idle_sessions_are_signed_out_and_told_why(client, db, settings):
    user = make_user(db)
    sign_in(client, user)
    with client.session_transaction() as session:
        session["last_seen"] -= settings.session_idle_minutes * 60 + 1
    response = client.get("/account/password")
    assert response.status_code == 302 and response.headers["Location"].startswith("/auth/sign-in")
    page = client.get("/auth/sign-in").get_data(as_text=True)
    assert "You were signed out after 30 minutes without activity." in page
    assert kinds(db) == ["sign_in", "idle_sign_out"]


def test_the_browser_idle_timer_signs_out_a_user_idle_on_the_server_too(client, db, settings):
    user = make_user(db)
    sign_in(client, user)
    with client.session_transaction() as session:
        session["last_seen"] -= settings.session_idle_minutes * 60 - 30
    page = client.get("/auth/sign-in?idle=1").get_data(as_text=True)
    assert "without activity" in page
    assert kinds(db) == ["sign_in", "idle_sign_out"]


def test_the_idle_timer_of_another_tab_does_not_end_an_active_session(client, db):
    user = make_user(db)
    sign_in(client, user)
    assert client.get("/auth/sign-in?idle=1").status_code == 302
    assert client.get("/account/password").status_code == 200


def test_a_deactivated_account_loses_its_session(client, db):
    user = make_user(db)
    sign_in(client, user)
    user.is_active = False
    db.commit()
    assert client.get("/account/password").status_code == 302
