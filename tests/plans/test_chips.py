from django.template import Context, Template


def chip(kind: str) -> str:
    return Template("{% load plans_tags %}{{ kind|chip }}").render(Context({"kind": kind}))


def test_each_kind_of_training_has_its_own_chip_and_anything_else_a_neutral_one():
    assert chip("run") == "rs-chip rs-chip-run"
    assert chip("cross_training") == "rs-chip rs-chip-cross"
    assert chip("strength") == "rs-chip rs-chip-strength"
    assert chip("rest") == "rs-chip rs-chip-rest"
    assert chip("yoga") == "rs-chip rs-chip-neutral"
