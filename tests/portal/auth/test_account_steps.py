"""Two-factor sign-in, first-sign-in password change and required enrolment, through the views."""

from __future__ import annotations

import re
import time

from sqlalchemy import select

from domain.accounts import totp
from models.accounts import AuthEvent, RolePolicy, User
from models.base import utcnow
from portal.auth.secret_box import encrypt
from portal.roles import Role
from tests.support.auth import csrf_token, dash_headers, sign_in
from tests.support.factories import PASSWORD, make_user

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
NEW_PASSWORD = "violet-otter-kettle-91"


def current_code(secret=SECRET):
    return totp.code_at(secret, step=totp.time_step(utcnow()))


def post(client, path, **data):
    return client.post(path, data={"csrf_token": csrf_token(client, path), **data})


def kinds(db):
    db.expire_all()
    return db.scalars(select(AuthEvent.kind).order_by(AuthEvent.id)).all()


def enrolled_user(db):
    return make_user(db, totp_secret=encrypt(SECRET), totp_enabled_at=utcnow())


def test_two_factor_sign_in_asks_for_a_code_before_signing_in(client, db):
    user = enrolled_user(db)
    response = client.post(
        "/auth/sign-in",
        data={
            "email": user.email,
            "password": PASSWORD,
            "next": "/account/password",
            "csrf_token": csrf_token(client),
        },
    )
    assert response.headers["Location"] == "/auth/two-factor"
    assert client.get("/account/password").status_code == 302  # not signed in yet

    page = client.get("/auth/two-factor").get_data(as_text=True)
    assert 'autocomplete="one-time-code"' in page and 'inputmode="numeric"' in page
    wrong = post(client, "/auth/two-factor", code="12345")
    assert wrong.status_code == 200 and "That code is not right" in wrong.get_data(as_text=True)

    right = post(client, "/auth/two-factor", code=current_code())
    assert right.headers["Location"] == "/account/password"
    assert client.get("/account/password").status_code == 200
    assert kinds(db) == ["two_factor_failed", "sign_in"]


def test_the_code_step_expires_after_five_minutes(client, db):
    user = enrolled_user(db)
    sign_in(client, user)
    token = csrf_token(client)
    with client.session_transaction() as session:
        session["pending_sign_in"] = {**session["pending_sign_in"], "expires": time.time() - 1}
    response = client.post("/auth/two-factor", data={"csrf_token": token, "code": current_code()})
    assert response.headers["Location"] == "/auth/sign-in"
    assert kinds(db) == []


def test_five_wrong_codes_lock_the_account(client, db):
    user = enrolled_user(db)
    sign_in(client, user)
    wrong = "000000" if current_code() != "000000" else "111111"
    for _ in range(4):
        assert post(client, "/auth/two-factor", code=wrong).status_code == 200
    locked = post(client, "/auth/two-factor", code=wrong)
    assert locked.status_code == 200 and "locked for 10 minutes" in locked.get_data(as_text=True)
    assert client.get("/auth/two-factor").headers["Location"] == "/auth/sign-in"


def test_a_temporary_password_must_be_changed_before_anything_else(client, db):
    user = make_user(db, must_change_password=True)
    sign_in(client, user)
    response = client.get("/organisations?q=x")
    assert response.status_code == 302
    assert response.headers["Location"] == "/account/password?next=/organisations%3Fq%3Dx"
    refused = client.post("/_dash-update-component", json={}, headers=dash_headers(client))
    assert refused.status_code == 403
    assert refused.get_json() == {"error": "Change your password before continuing."}

    page = client.get("/account/password?next=/organisations").get_data(as_text=True)
    assert "You signed in with a temporary password" in page
    bad = post(
        client,
        "/account/password",
        current_password=PASSWORD,
        new_password="short",
        confirm_password="short",
        next="/organisations",
    )
    assert bad.status_code == 200 and "Use at least 10 characters" in bad.get_data(as_text=True)
    done = post(
        client,
        "/account/password",
        current_password=PASSWORD,
        new_password=NEW_PASSWORD,
        confirm_password=NEW_PASSWORD,
        next="/organisations",
    )
    assert done.status_code == 200 and 'href="/organisations"' in done.get_data(as_text=True)
    assert client.get("/admin/users").status_code == 403  # past the step: the gate decides now
    db.expire_all()
    assert not db.get(User, user.id).must_change_password


def test_changing_password_keeps_this_session_and_ends_the_others(app, client, db):
    user = make_user(db)
    other = app.test_client()
    sign_in(client, user)
    sign_in(other, user)
    response = post(
        client,
        "/account/password",
        current_password=PASSWORD,
        new_password=NEW_PASSWORD,
        confirm_password=NEW_PASSWORD,
    )
    assert response.status_code == 200
    assert client.get("/account/password").status_code == 200
    assert other.get("/account/password").status_code == 302
    assert kinds(db) == ["sign_in", "sign_in", "password_changed"]


def test_a_role_marked_for_two_factor_must_enrol_before_anything_else(client, db):
    db.add(RolePolicy(role=Role.CLINICIAN.value, totp_required=True))
    db.commit()
    user = make_user(db, role=Role.CLINICIAN)
    sign_in(client, user)
    assert client.get("/").headers["Location"] == "/account/two-factor"
    page = client.get("/account/two-factor").get_data(as_text=True)
    assert "<svg" in page and "Your role must sign in with a code" in page
    secret = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', page).group(1).replace(" ", "")
    db.expire_all()
    assert db.get(User, user.id).totp_enabled_at is None

    bad = post(client, "/account/two-factor", code="12")
    assert bad.status_code == 200 and "That code is not right" in bad.get_data(as_text=True)
    done = post(client, "/account/two-factor", code=current_code(secret))
    assert done.status_code == 200 and "Two-factor sign-in is on" in done.get_data(as_text=True)
    assert client.get("/").status_code == 200
    assert kinds(db) == ["sign_in", "two_factor_enrolled"]


def test_enrolment_is_optional_for_other_roles(client, db):
    user = make_user(db, role=Role.NURSE)
    sign_in(client, user)
    assert client.get("/").status_code == 200
    assert "Not now" in client.get("/account/two-factor").get_data(as_text=True)
