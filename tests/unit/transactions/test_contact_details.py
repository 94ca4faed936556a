"""A form asks for the contact detail that matches how the person prefers to be contacted,
and only that one; and a form whose "what happens next" promises a way of contact it never
collects is refused when the content is loaded."""

import pytest
from pydantic import ValidationError

from portal.transactions.catalogue import Form
from portal.transactions.schema import FormDefinition

TEXT = {"en": "Words", "cy": "Geiriau"}


def question(id_, type_, **extra) -> dict:
    return {"id": id_, "type": type_, "question": TEXT, "name": TEXT, **extra}


def definition(questions: list[dict], by_channel: tuple[str, ...]) -> dict:
    return {
        "title": TEXT,
        "service": "a-service",
        "version": 1,
        "questions": questions,
        "declaration": TEXT,
        "what_happens_next": {"default": TEXT, "by_channel": {c: TEXT for c in by_channel}},
    }


FORM = Form(
    "a-form",
    FormDefinition.model_validate(
        definition(
            [
                question("what", "short_text"),
                question("email", "email", when_preferred=["none", "email"]),
                question("phone", "uk_phone", when_preferred=["phone", "text_message"]),
            ],
            ("phone", "email"),
        )
    ),
    "a-department",
)


@pytest.mark.parametrize(
    ("preferred", "asked"),
    [(None, "email"), ("email", "email"), ("phone", "phone"), ("text_message", "phone")],
)
def test_each_person_is_asked_for_the_detail_we_will_use(preferred, asked):
    route, stop = FORM.route({"what": "x"}, preferred)
    assert stop == asked
    route, stop = FORM.route({"what": "x", asked: "a"}, preferred)
    assert [q.id for q in route] == ["what", asked] and stop is None


def test_someone_who_prefers_post_is_asked_for_neither():
    route, stop = FORM.route({"what": "x"}, "post")
    assert [q.id for q in route] == ["what"] and stop is None


@pytest.mark.parametrize(
    ("questions", "promised"),
    [
        ([question("what", "short_text")], "phone"),  # "we will call you", and no number
        ([question("phone", "uk_phone", when_preferred=["text_message"])], "phone"),
        ([question("email", "email")], "post"),  # no address to write to
    ],
)
def test_a_promise_of_contact_needs_its_detail_asked_of_whoever_reads_it(questions, promised):
    with pytest.raises(ValidationError, match=f"prefer {promised}, but no"):
        FormDefinition.model_validate(definition(questions, (promised,)))


def test_a_channel_that_needs_no_detail_is_fine_and_an_unknown_one_is_not():
    assert FormDefinition.model_validate(definition([question("a", "short_text")], ("online",)))
    with pytest.raises(ValidationError, match="carrier-pigeon is not a way"):
        FormDefinition.model_validate(
            definition([question("a", "short_text")], ("carrier-pigeon",))
        )
