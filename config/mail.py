"""Development mail: print every message and keep a copy under var/mail/."""

from django.conf import settings
from django.core.mail.backends.console import EmailBackend as ConsoleBackend
from django.utils import timezone
from django.utils.crypto import get_random_string


class ConsoleAndFileBackend(ConsoleBackend):
    def send_messages(self, email_messages):
        sent = super().send_messages(email_messages)
        mail_dir = settings.MAIL_DIR
        mail_dir.mkdir(parents=True, exist_ok=True)
        for message in email_messages or []:
            stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
            path = mail_dir / f"{stamp}-{get_random_string(6)}.eml"
            path.write_bytes(message.message().as_bytes())
        return sent
