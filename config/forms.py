"""What forms share."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

MAX_ID_DIGITS = 19  # the database's ids are 64-bit integers
MAX_ID = 2**63 - 1


class IdsChoiceField(forms.ModelMultipleChoiceField):
    """A ModelMultipleChoiceField that refuses an id beyond the database's integer range as an
    unknown choice: the `pk__in` query would otherwise fail (SQLite raises OverflowError)."""

    def clean(self, value: Any) -> Any:
        for pk in value if isinstance(value, list | tuple) else ():
            if _beyond_ids(str(pk)):
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": f"{str(pk)[:12]}…"},
                )
        return super().clean(value)


def _beyond_ids(text: str) -> bool:
    """A whole number (as int() reads it: signs, spaces, underscores) no id can be."""
    try:
        return abs(int(text)) > MAX_ID
    except ValueError:  # not a number at all, or more than 4,300 digits
        return len(text) > MAX_ID_DIGITS and text.strip().lstrip("+-").isdecimal()
