"""The passport demo: built through the services on top of the demo register, and it verifies."""

import random

import pytest
from django.utils import timezone

from kwalibo.passport import selectors
from kwalibo.passport.demo import demo_build
from kwalibo.passport.models import Consignment, Declaration, RevisionRequest
from kwalibo.register.demo import demo_register_build

pytestmark = pytest.mark.django_db


def test_demo_adds_declarations_that_verify_and_one_that_is_withdrawn() -> None:
    demo_register_build(organisations=120, seed=2008, today=timezone.localdate())
    summary = demo_build(rng=random.Random(2008))
    assert summary.startswith("Bodempaspoort: 3 projecten, ")
    assert "(1 ingetrokken)" in summary
    verdicts = {
        d.number: selectors.declaration_verify(number=d.number).verification
        for d in Declaration.objects.all()
    }
    withdrawn = [n for n, v in verdicts.items() if [p.code for p in v.problems] == ["withdrawn"]]
    assert len(withdrawn) == 1
    assert all(v.valid for n, v in verdicts.items() if n not in withdrawn)
    assert (
        Consignment.objects.filter(state="in_transit").exists()
        or Consignment.objects.filter(state="dispatched").exists()
    )
    assert RevisionRequest.objects.filter(state="open").count() >= 1
