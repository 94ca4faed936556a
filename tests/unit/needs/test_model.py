import pytest

from portal.needs.model import NO_NEEDS, Needs


def test_nothing_declared_is_the_empty_needs():
    assert Needs().declared is False
    assert NO_NEEDS.preferred_channel is None


def test_any_answer_counts_as_declared():
    assert Needs(less_motion=True).declared is True


def test_the_first_channel_is_the_preferred_one():
    assert Needs(channels=("phone", "email")).preferred_channel == "phone"


@pytest.mark.parametrize(
    "answers",
    [
        {"text_size": "huge"},
        {"contrast": "neon"},
        {"channels": ("pigeon",)},
        {"channels": ("phone", "phone")},
    ],
)
def test_values_outside_the_vocabulary_are_refused(answers):
    with pytest.raises(ValueError):
        Needs(**answers)


def test_changing_an_answer_leaves_the_original_alone():
    needs = Needs(text_size="large")
    assert needs.changed(text_size="largest").text_size == "largest"
    assert needs.text_size == "large"
