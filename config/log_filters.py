"""Log filters: secrets that travel in URLs never reach the logs in plain text."""

import logging
import re

# /calendar/<token>.ics: the token is the key to a runner's plan.
SECRET_PATHS = re.compile(r"(/calendar/)[^/\s\"']+(\.ics)")


def redact(text: str) -> str:
    return SECRET_PATHS.sub(r"\1[hidden]\2", text)


class RedactSecretPaths(logging.Filter):
    """Rewrites the message and its arguments (Django's "Not Found: %s", the dev server's
    request line) so a feed token shows as [hidden]."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        return True
