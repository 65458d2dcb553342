from django.core.management.base import BaseCommand

from accounts.demo import DEMO_PASSWORD, load_demo_accounts
from exercises.loader import load_library
from plans.demo import load_demo_plan


class Command(BaseCommand):
    help = "Load the library, the demo runner and coach and the runner's plan (safe to rerun)."

    def handle(self, *args, **options):
        load_library()
        users = load_demo_accounts()
        load_demo_plan(users["runner"])
        self.stdout.write(self.style.SUCCESS(f"Demo logins (password: {DEMO_PASSWORD})"))
        for role, user in users.items():
            self.stdout.write(f"  {role:<7} {user.email}")
