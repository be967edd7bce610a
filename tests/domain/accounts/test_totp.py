"""TOTP codes: 30-second steps, one step of drift, each code accepted once."""

from __future__ import annotations

import datetime as dt

import pyotp
import pytest

from domain.accounts import totp

pytestmark = pytest.mark.sqlite

NOW = dt.datetime(2026, 11, 24, 9, 30, 15, tzinfo=dt.UTC)
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def code(offset_steps=0):
    return totp.code_at(SECRET, step=totp.time_step(NOW) + offset_steps)


def test_codes_match_an_authenticator_app():
    assert code() == pyotp.TOTP(SECRET).at(NOW)
    assert len(code()) == 6


def test_the_current_code_is_accepted_and_gives_its_step():
    assert totp.accepted_step(SECRET, code(), now=NOW, last_step=None) == totp.time_step(NOW)


@pytest.mark.parametrize("offset", [-1, 1])
def test_one_step_of_clock_drift_is_allowed(offset):
    step = totp.accepted_step(SECRET, code(offset), now=NOW, last_step=None)
    assert step == totp.time_step(NOW) + offset


@pytest.mark.parametrize("offset", [-3, -2, 2, 3])
def test_codes_outside_the_window_are_refused(offset):
    assert totp.accepted_step(SECRET, code(offset), now=NOW, last_step=None) is None


def test_a_used_code_cannot_be_replayed():
    step = totp.accepted_step(SECRET, code(), now=NOW, last_step=None)
    later = NOW + dt.timedelta(seconds=20)
    assert totp.accepted_step(SECRET, code(), now=later, last_step=step) is None


def test_an_older_code_is_refused_after_a_newer_one_was_used():
    step = totp.accepted_step(SECRET, code(1), now=NOW, last_step=None)
    assert totp.accepted_step(SECRET, code(0), now=NOW, last_step=step) is None


def test_the_next_code_is_accepted_after_the_last():
    step = totp.accepted_step(SECRET, code(), now=NOW, last_step=None)
    later = NOW + dt.timedelta(seconds=30)
    assert totp.accepted_step(SECRET, code(1), now=later, last_step=step) == step + 1


@pytest.mark.parametrize("typed", ["123 456", "123-456"])
def test_spaces_and_dashes_typed_inside_a_code_are_ignored(typed):
    secret = SECRET
    real = totp.code_at(secret, step=totp.time_step(NOW))
    typed = typed.replace("123", real[:3]).replace("456", real[3:])
    assert totp.accepted_step(secret, typed, now=NOW, last_step=None) is not None


@pytest.mark.parametrize("typed", ["", "12345", "1234567", "abcdef", "12 34 5"])
def test_malformed_codes_are_refused(typed):
    assert totp.accepted_step(SECRET, typed, now=NOW, last_step=None) is None


def test_a_wrong_secret_does_not_verify():
    other = totp.new_secret()
    assert totp.accepted_step(other, code(), now=NOW, last_step=None) is None or other == SECRET


def test_provisioning_uri_names_the_portal_and_the_account():
    uri = totp.provisioning_uri(SECRET, email="jane@nhs.net")
    assert uri.startswith("otpauth://totp/")
    assert "jane%40nhs.net" in uri and "issuer=Paediatric" in uri


def test_new_secrets_are_long_and_random():
    secrets = {totp.new_secret() for _ in range(20)}
    assert len(secrets) == 20 and all(len(s) == 32 for s in secrets)
