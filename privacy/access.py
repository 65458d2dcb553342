from django.shortcuts import get_object_or_404

from accounts.models import User
from privacy.models import DataExport


def export_for_user(user: User, export_id: int) -> DataExport:
    """The person's own export; anyone else's is a 404, as is one that does not exist."""
    return get_object_or_404(DataExport.objects.defer("archive"), pk=export_id, user=user)
