from django.core.management.base import BaseCommand

from accounts.demo import DEMO_PASSWORD, load_demo_accounts


class Command(BaseCommand):
    help = "Load the demo runner and coach (safe to run again: nothing is duplicated)."

    def handle(self, *args, **options):
        users = load_demo_accounts()
        self.stdout.write(self.style.SUCCESS(f"Demo logins (password: {DEMO_PASSWORD})"))
        for role, user in users.items():
            self.stdout.write(f"  {role:<7} {user.email}")
