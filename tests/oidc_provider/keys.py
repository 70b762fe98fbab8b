"""The provider's signing key, and an impostor's published under the same key id."""

from functools import cache

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa


def new_private_pem() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        encoding=serialization.Encoding.PEM,
        format=serialization.PrivateFormat.PKCS8,
        encryption_algorithm=serialization.NoEncryption(),
    ).decode()


@cache
def _impostor_numbers():
    return (
        rsa.generate_private_key(public_exponent=65537, key_size=2048).public_key().public_numbers()
    )


def impostor_jwks() -> dict:
    from oidc_provider.models import RSAKey

    numbers = _impostor_numbers()
    return {
        "keys": [
            {
                "kty": "RSA",
                "alg": "RS256",
                "use": "sig",
                "kid": RSAKey.objects.first().kid,
                "n": jwt.utils.to_base64url_uint(numbers.n).decode("ascii"),
                "e": jwt.utils.to_base64url_uint(numbers.e).decode("ascii"),
            }
        ]
    }
