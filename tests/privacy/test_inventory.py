from django.apps import apps

from privacy.inventory import NOT_EXPORTED, TABLES


def test_every_table_is_exported_or_said_why_not():
    exported = {table.model._meta.label for table in TABLES}
    every = {model._meta.label for model in apps.get_models()}

    assert every - exported - set(NOT_EXPORTED) == set(), (
        "add the new table to privacy/inventory.py"
    )
    assert exported & set(NOT_EXPORTED) == set()
    assert set(NOT_EXPORTED) <= every  # no stale names
