"""Feed tokens: 32 random bytes (the nonce) signed with the site's key. The database alone
never gives a working address: it holds the nonce and the SHA-256 of the token."""

import base64
import hashlib
import secrets

from django.utils.crypto import salted_hmac

SALT = "feeds.CalendarFeed"


def new_nonce() -> str:
    return secrets.token_hex(32)


def token_for(nonce: str) -> str:
    mac = salted_hmac(SALT, nonce, algorithm="sha256").digest()
    return base64.urlsafe_b64encode(mac).decode().rstrip("=")


def digest_of(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
