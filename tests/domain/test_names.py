"""Readable organisation names from the upper-case reference names."""

from __future__ import annotations

import pytest

from domain.names import display_name, short_icb_name


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("ADDENBROOKE'S HOSPITAL", "Addenbrooke's Hospital"),
        ("CHILDREN’S CENTRE ANNEX", "Children’s Centre Annex"),
        ("ST MARY'S HOSPITAL", "St Mary's Hospital"),
        (
            "MANCHESTER UNIVERSITY NHS FOUNDATION TRUST",
            "Manchester University NHS Foundation Trust",
        ),
        ("CDC POOLE @ DORSET HEALTH VILLAGE", "CDC Poole @ Dorset Health Village"),
        ("THE ROYAL LONDON HOSPITAL", "The Royal London Hospital"),
        ("NOAHS ARK CHILDRENS HOSPITAL FOR WALES", "Noahs Ark Childrens Hospital for Wales"),
        ("QUEEN ELIZABETH II HOSPITAL", "Queen Elizabeth II Hospital"),
        ("COMMUNITY PAEDIATRICS - EAST", "Community Paediatrics - East"),
        ("YSBYTY GLAN CLWYD", "Ysbyty Glan Clwyd"),
    ],
)
def test_upper_case_names_read_naturally(raw, shown):
    assert display_name(raw) == shown


def test_mixed_case_names_are_left_alone():
    assert display_name("Betsi Cadwaladr University Health Board") == (
        "Betsi Cadwaladr University Health Board"
    )
    assert display_name("London") == "London"


def test_missing_name_is_empty():
    assert display_name(None) == "" and display_name("") == ""


def test_icb_names_lose_their_wrapper():
    assert short_icb_name("NHS Central East Integrated Care Board") == "Central East"
    assert short_icb_name(
        "NHS Bath and North East Somerset, Swindon and Wiltshire Integrated Care Board"
    ) == ("Bath and North East Somerset, Swindon and Wiltshire")
    assert short_icb_name("Hywel Dda") == "Hywel Dda"
