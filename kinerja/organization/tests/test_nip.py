"""NIP (PNS) and NI PPPK validation and decoding (regulation.md §11.1)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kinerja.organization import nip as nip_codec


def _codes(exc: pytest.ExceptionInfo[ValidationError]) -> str:
    return exc.value.code or ""


def test_valid_pns_nip_decodes_birth_date_tmt_sex_and_sequence() -> None:
    decoded = nip_codec.decode_pns("198609262015051001")
    assert decoded.birth_date == dt.date(1986, 9, 26)
    assert decoded.tmt_cpns == dt.date(2015, 5, 1)
    assert decoded.sex == "M"
    assert decoded.sequence == 1


def test_sex_digit_2_decodes_as_female() -> None:
    assert nip_codec.decode_pns("198609262015052003").sex == "F"


@pytest.mark.parametrize("typed", ["19860926 201505 1 001", " 19860926.201505.1.001 ", "19860926-201505-1-001"])
def test_spaces_dots_and_dashes_between_groups_are_ignored(typed: str) -> None:
    assert nip_codec.normalize(typed) == "198609262015051001"
    assert nip_codec.decode_pns(typed).birth_date == dt.date(1986, 9, 26)


@pytest.mark.parametrize("raw", ["19860926201505100", "1986092620150510011", "19860926201505100A", ""])
def test_wrong_length_or_non_digits_is_rejected(raw: str) -> None:
    with pytest.raises(ValidationError) as exc:
        nip_codec.decode_pns(raw)
    assert _codes(exc) == "nip_format"


@pytest.mark.parametrize(
    "raw",
    [
        "198613322015051001",  # month 13
        "198602302015051001",  # 30 February
        "198600102015051001",  # month 00
        "189912312015051001",  # before 1900
    ],
)
def test_impossible_birth_date_is_rejected_with_the_digits(raw: str) -> None:
    with pytest.raises(ValidationError) as exc:
        nip_codec.decode_pns(raw)
    assert _codes(exc) == "nip_birth_date"
    assert raw[:8] in exc.value.messages[0]


def test_birth_date_in_the_future_is_rejected() -> None:
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    with pytest.raises(ValidationError) as exc:
        nip_codec.decode_pns(f"{tomorrow:%Y%m%d}2015051001")
    assert _codes(exc) == "nip_birth_date"


def test_impossible_tmt_month_is_rejected() -> None:
    with pytest.raises(ValidationError) as exc:
        nip_codec.decode_pns("198609262015131001")
    assert _codes(exc) == "nip_tmt"


@pytest.mark.parametrize(
    "raw",
    [
        "198609262000011001",  # appointed at 13
        "199012152008111001",  # one month before the 18th birthday month
    ],
)
def test_tmt_before_the_age_of_18_is_rejected(raw: str) -> None:
    with pytest.raises(ValidationError) as exc:
        nip_codec.decode_pns(raw)
    assert _codes(exc) == "nip_tmt"


def test_tmt_in_the_month_of_the_18th_birthday_is_accepted() -> None:
    assert nip_codec.decode_pns("199012152008121001").tmt_cpns == dt.date(2008, 12, 1)


def test_tmt_in_the_future_is_rejected() -> None:
    next_year = timezone.localdate().year + 1
    with pytest.raises(ValidationError) as exc:
        nip_codec.decode_pns(f"19860926{next_year}011001")
    assert _codes(exc) == "nip_tmt"


@pytest.mark.parametrize("digit", ["0", "3", "9"])
def test_sex_digit_other_than_1_or_2_is_rejected(digit: str) -> None:
    with pytest.raises(ValidationError) as exc:
        nip_codec.decode_pns(f"19860926201505{digit}001")
    assert _codes(exc) == "nip_sex"


def test_sequence_000_is_rejected() -> None:
    with pytest.raises(ValidationError) as exc:
        nip_codec.decode_pns("198609262015051000")
    assert _codes(exc) == "nip_sequence"


def test_pppk_number_is_not_held_to_the_pns_tmt_rule() -> None:
    # Digits 13–14 are commonly "21" (not a month): regulation.md says not to apply the PNS date rule.
    decoded = nip_codec.decode_pppk("199001012022211001")
    assert decoded.birth_date == dt.date(1990, 1, 1)
    assert decoded.tmt_cpns is None
    assert decoded.sex == "M"
    assert decoded.sequence == 1


def test_pppk_number_with_an_unknown_sex_digit_leaves_sex_blank() -> None:
    assert nip_codec.decode_pppk("199001012022215001").sex == ""


def test_pppk_number_with_impossible_birth_date_is_rejected() -> None:
    with pytest.raises(ValidationError) as exc:
        nip_codec.decode_pppk("199002302022212001")
    assert _codes(exc) == "nip_birth_date"
    assert "NI PPPK" in exc.value.messages[0]


def test_pppk_number_of_wrong_length_is_rejected() -> None:
    with pytest.raises(ValidationError) as exc:
        nip_codec.decode_pppk("1990 0101 2022 21 2")
    assert _codes(exc) == "nip_format"


def test_format_nip_groups_the_digits_and_build_pns_round_trips() -> None:
    nip = nip_codec.build_pns(dt.date(1986, 9, 26), dt.date(2015, 5, 1), "F", 7)
    assert nip == "198609262015052007"
    assert nip_codec.format_nip(nip) == "19860926 201505 2 007"
    assert nip_codec.format_nip("123") == "123"
