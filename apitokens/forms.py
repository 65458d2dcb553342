from django import forms

from accounts.models import User
from apitokens.models import Scope

MAX_TOKENS = 20


class TokenForm(forms.Form):
    name = forms.CharField(
        label="Name of a new token",
        max_length=60,
        help_text="What it is for, e.g. “Spreadsheet” or “Squad script”.",
    )
    scope = forms.ChoiceField(
        choices=Scope.choices, initial=Scope.READ, widget=forms.RadioSelect, label="It may"
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self):
        if self.user.api_tokens.count() >= MAX_TOKENS:
            raise forms.ValidationError(
                f"You have {MAX_TOKENS} tokens already: revoke one you no longer use first."
            )
        return self.cleaned_data
