"""Signing and verifying a soil-quality declaration (MvB) with Ed25519 over canonical JSON.

The law asks for a declaration with a unique number that travels with the batch
(Bbk art 38 lid 2; Rbk art 4.3.3 lid 3 onder g) but prescribes no digital format (domain
dossier §8). This module fixes one:

* **Payload**: a JSON object of strings, integers, booleans, null, lists and objects.
  Quantities are decimal *strings* ("125.500"), never floats, so that every implementation
  serialises them byte for byte the same.
* **Canonical form**: keys sorted, no insignificant whitespace, UTF-8, non-ASCII characters
  kept as they are (the subset of RFC 8785 JCS that the payload rules above leave).
* **Signature**: Ed25519 (RFC 8032) over ``CONTEXT + canonical bytes``; the context string
  separates MvB signatures from anything else the same key might ever sign.
* **Key id**: the first 16 hex digits of SHA-256 over the raw 32-byte public key.
* **Private keys at rest**: AES-256-GCM with a key derived by HKDF-SHA256 from a server
  secret; the key id and owner are bound as associated data, so an encrypted key copied to
  another row does not decrypt. Private keys never leave the server and are never logged.
"""

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from kwalibo.common.domain.errors import N_, DomainError

CONTEXT = b"kwalibo-mvb-v1\n"
ALGORITHM = "Ed25519"
KEY_ENCRYPTION = "AES-256-GCM/HKDF-SHA256/v1"
_HKDF_INFO = b"kwalibo passport signing keys v1"


def canonical_json(payload: Any) -> bytes:
    """The canonical UTF-8 bytes of `payload` (sorted keys, no whitespace, no floats).

    Raises:
        DomainError: the payload holds a float or a value JSON cannot represent.
    """
    _refuse_floats(payload)
    try:
        text = json.dumps(
            payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
        )
    except (TypeError, ValueError) as error:
        raise DomainError(N_("The declaration contains a value that cannot be signed.")) from error
    return text.encode("utf-8")


def _refuse_floats(value: Any) -> None:
    if isinstance(value, float):
        raise DomainError(N_("Quantities in a signed declaration must be decimal strings."))
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise DomainError(N_("The declaration contains a value that cannot be signed."))
            _refuse_floats(item)
    elif isinstance(value, list | tuple):
        for item in value:
            _refuse_floats(item)


def payload_digest(payload: Any) -> str:
    """SHA-256 (hex) of the canonical payload, printed on the PDF for a visual comparison."""
    return hashlib.sha256(canonical_json(payload)).hexdigest()


@dataclass(frozen=True)
class KeyPair:
    """A new signing key: the public half to publish and the private half to encrypt and store."""

    key_id: str
    public_key: str  # base64 of the raw 32 bytes
    private_key: bytes  # raw 32 bytes; encrypt before storing


def key_id_of(public_key: str) -> str:
    """The key id of a base64 raw public key."""
    return hashlib.sha256(_b64decode(public_key)).hexdigest()[:16]


def key_pair_generate() -> KeyPair:
    """A fresh Ed25519 key pair."""
    private = Ed25519PrivateKey.generate()
    raw_private = private.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )
    raw_public = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    public = base64.b64encode(raw_public).decode("ascii")
    return KeyPair(key_id=key_id_of(public), public_key=public, private_key=raw_private)


def _kek(secret: str) -> bytes:
    if not secret:
        raise DomainError(N_("No secret is configured to protect the signing keys."))
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_HKDF_INFO).derive(
        secret.encode("utf-8")
    )


def private_key_encrypt(private_key: bytes, *, secret: str, associated: str) -> str:
    """Encrypt a raw private key for storage: base64(nonce || ciphertext+tag)."""
    nonce = os.urandom(12)
    sealed = AESGCM(_kek(secret)).encrypt(nonce, private_key, associated.encode("utf-8"))
    return base64.b64encode(nonce + sealed).decode("ascii")


def private_key_decrypt(encrypted: str, *, secret: str, associated: str) -> bytes:
    """Decrypt a stored private key.

    Raises:
        DomainError: the secret is wrong or the stored key was altered or moved.
    """
    blob = _b64decode(encrypted)
    try:
        return AESGCM(_kek(secret)).decrypt(blob[:12], blob[12:], associated.encode("utf-8"))
    except InvalidTag as error:
        raise DomainError(
            N_(
                "The signing key cannot be unlocked: the server secret has changed or the key was altered."
            )
        ) from error


def sign(payload: Any, private_key: bytes) -> str:
    """The base64 Ed25519 signature of the canonical `payload`."""
    key = Ed25519PrivateKey.from_private_bytes(private_key)
    return base64.b64encode(key.sign(CONTEXT + canonical_json(payload))).decode("ascii")


def signature_valid(payload: Any, signature: str, public_key: str) -> bool:
    """Whether `signature` is a valid signature by `public_key` over the canonical `payload`.

    False (never an exception) for a malformed signature, key or payload.
    """
    try:
        key = Ed25519PublicKey.from_public_bytes(_b64decode(public_key))
        key.verify(_b64decode(signature), CONTEXT + canonical_json(payload))
    except (InvalidSignature, ValueError, DomainError):
        return False
    return True


def _b64decode(value: str) -> bytes:
    return base64.b64decode(value.encode("ascii"), validate=True)
