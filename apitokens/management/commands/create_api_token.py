from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.models import User
from apitokens.models import Scope
from apitokens.services import token_create


class Command(BaseCommand):
    help = "Create a personal access token for the account with this email and print it."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")
        parser.add_argument("--name", default="Command line")
        parser.add_argument("--scope", choices=Scope.values, default=Scope.READ)

    def handle(self, *args: object, **options: str) -> None:
        user = User.objects.filter(email__iexact=options["email"].strip()).first()
        if user is None:
            raise CommandError(f"No account has the address {options['email']}.")
        name = options["name"].strip()[:60]
        if not name:
            raise CommandError("Give the token a name.")
        _, secret = token_create(user=user, name=name, scope=options["scope"])
        self.stdout.write(secret)
