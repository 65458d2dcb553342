"""Every email: a subject, a text body and an HTML body rendered from templates/emails/<name>/."""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str


def render(name: str, context: dict[str, Any]) -> Rendered:
    context = {"site_url": settings.SITE_URL, **context}
    subject = render_to_string(f"emails/{name}/subject.txt", context)
    return Rendered(
        subject=" ".join(subject.split()),  # a subject is one line, whatever the template did
        text=render_to_string(f"emails/{name}/body.txt", context),
        html=render_to_string(f"emails/{name}/body.html", context),
    )


def message(
    rendered: Rendered, *, to: str, headers: dict[str, str] | None = None
) -> EmailMultiAlternatives:
    """The message, ready for a connection to send (`.send()` opens one of its own)."""
    email = EmailMultiAlternatives(
        subject=rendered.subject, body=rendered.text, to=[to], headers=headers
    )
    if rendered.html:
        email.attach_alternative(rendered.html, "text/html")
    return email


def deliver(rendered: Rendered, *, to: str, headers: dict[str, str] | None = None) -> None:
    message(rendered, to=to, headers=headers).send()


def send(
    name: str, to: str, context: dict[str, Any], headers: dict[str, str] | None = None
) -> None:
    deliver(render(name, context), to=to, headers=headers)
