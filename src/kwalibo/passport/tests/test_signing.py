"""Canonical JSON, Ed25519 signatures and private keys encrypted at rest."""

import base64

import pytest

from kwalibo.common.domain.errors import DomainError
from kwalibo.passport.domain.signing import (
    canonical_json,
    key_id_of,
    key_pair_generate,
    payload_digest,
    private_key_decrypt,
    private_key_encrypt,
    sign,
    signature_valid,
)

PAYLOAD = {
    "number": "MVB-2025-ABCDE12345",
    "batch": {"volume_m3": "120.000", "class": "wonen"},
    "naam": "Grondbank Zuid – Eindhoven",
}


def test_canonical_json_sorts_keys_without_whitespace_and_keeps_utf8() -> None:
    assert canonical_json({"b": 1, "a": {"d": [True, None], "c": "ë"}}) == (
        '{"a":{"c":"ë","d":[true,null]},"b":1}'.encode()
    )


def test_key_order_does_not_change_the_canonical_form() -> None:
    assert canonical_json({"x": 1, "y": 2}) == canonical_json({"y": 2, "x": 1})


@pytest.mark.parametrize("payload", [{"volume": 1.5}, {"list": [0.1]}, {1: "integer key"}])
def test_floats_and_non_string_keys_are_refused(payload: object) -> None:
    with pytest.raises(DomainError):
        canonical_json(payload)


def test_a_signature_verifies_with_the_public_key() -> None:
    keys = key_pair_generate()
    signature = sign(PAYLOAD, keys.private_key)
    assert signature_valid(PAYLOAD, signature, keys.public_key)
    assert len(base64.b64decode(signature)) == 64


def test_a_changed_payload_no_longer_verifies() -> None:
    keys = key_pair_generate()
    signature = sign(PAYLOAD, keys.private_key)
    tampered = {**PAYLOAD, "batch": {"volume_m3": "1200.000", "class": "wonen"}}
    assert not signature_valid(tampered, signature, keys.public_key)


def test_another_key_does_not_verify() -> None:
    signature = sign(PAYLOAD, key_pair_generate().private_key)
    assert not signature_valid(PAYLOAD, signature, key_pair_generate().public_key)


@pytest.mark.parametrize("signature", ["", "not base64!", base64.b64encode(b"short").decode()])
def test_malformed_signatures_are_invalid_not_errors(signature: str) -> None:
    assert not signature_valid(PAYLOAD, signature, key_pair_generate().public_key)


def test_key_id_is_derived_from_the_public_key() -> None:
    keys = key_pair_generate()
    assert keys.key_id == key_id_of(keys.public_key)
    assert len(keys.key_id) == 16


def test_digest_is_sha256_of_the_canonical_form() -> None:
    assert (
        payload_digest({"a": 1})
        == "015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862"
    )


def test_private_key_round_trips_through_encryption() -> None:
    keys = key_pair_generate()
    sealed = private_key_encrypt(keys.private_key, secret="s3cret", associated="org:1:key")
    assert keys.private_key not in base64.b64decode(sealed)
    assert private_key_decrypt(sealed, secret="s3cret", associated="org:1:key") == keys.private_key


@pytest.mark.parametrize(
    ("secret", "associated"), [("other secret", "org:1:key"), ("s3cret", "org:2:key")]
)
def test_encrypted_key_does_not_open_with_another_secret_or_owner(
    secret: str, associated: str
) -> None:
    sealed = private_key_encrypt(
        key_pair_generate().private_key, secret="s3cret", associated="org:1:key"
    )
    with pytest.raises(DomainError):
        private_key_decrypt(sealed, secret=secret, associated=associated)


def test_an_empty_secret_is_refused() -> None:
    with pytest.raises(DomainError):
        private_key_encrypt(b"x" * 32, secret="", associated="a")
