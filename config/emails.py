"""Every email: a subject, a text body and an HTML body rendered from templates/emails/<name>/."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def send(name: str, to: str, context: dict, headers: dict[str, str] | None = None) -> None:
    context = {"site_url": settings.SITE_URL, **context}
    subject = render_to_string(f"emails/{name}/subject.txt", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),  # a subject is one line, whatever the template did
        body=render_to_string(f"emails/{name}/body.txt", context),
        to=[to],
        headers=headers,
    )
    message.attach_alternative(render_to_string(f"emails/{name}/body.html", context), "text/html")
    message.send()
