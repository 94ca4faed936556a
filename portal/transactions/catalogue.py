"""Form definitions from content/forms/, validated when the app starts, and the route
through a form that a set of answers takes."""

from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import yaml
from flask import current_app

from portal.publishing.loader import ContentError, validate
from portal.publishing.schema import Taxonomy
from portal.transactions.schema import ExitPage, FormDefinition, Question


@dataclass(frozen=True)
class Form:
    slug: str
    definition: FormDefinition
    department: str

    @property
    def questions(self) -> list[Question]:
        return self.definition.questions

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def exit_page(self, exit_id: str) -> ExitPage | None:
        return next((e for e in self.definition.exits if e.id == exit_id), None)

    def next_after(self, question: Question, answer, preferred: str | None = None) -> str | None:
        """The id of the page after this question, given its answer (None: the end),
        passing by any question not asked of someone who prefers `preferred`."""
        target = self._following(question, answer)
        seen = set()
        while (following := self.question(target) if target else None) is not None:
            if following.asked_when(preferred) or following.id in seen:
                break
            seen.add(following.id)
            target = self._following(following, None)
        return target

    def _following(self, question: Question, answer) -> str | None:
        chosen = answer if isinstance(answer, list) else [answer]
        for branch in question.branches:
            if branch.equals in chosen:
                return branch.goto
        if question.next:
            return question.next
        position = self.questions.index(question)
        following = self.questions[position + 1 : position + 2]
        return following[0].id if following else None

    def route(
        self, answers: dict, preferred: str | None = None
    ) -> tuple[list[Question], str | None]:
        """The questions this person's answers lead through, and where that route stops:
        the first unanswered question's id, an exit page's id, or None when complete.
        `preferred`: how the person prefers to be contacted; a question asked only for
        other ways (`when_preferred`) is passed by."""
        route: list[Question] = []
        current: str | None = self.questions[0].id
        while current is not None:
            question = self.question(current)
            if question is None:  # an exit page
                return route, current
            if question in route:  # a loop in the definition: stop rather than spin
                return route, None
            if not question.asked_when(preferred):  # the first question (next_after skips the rest)
                current = self.next_after(question, None, preferred)
                continue
            if question.id not in answers:
                return route, question.id
            route.append(question)
            current = self.next_after(question, answers[question.id], preferred)
        return route, None


def load_forms(folder: Path, taxonomy: Taxonomy, content) -> MappingProxyType:
    """Every form in the folder; a broken one stops start-up naming file and field."""
    forms, problems = {}, []
    for path in sorted(folder.glob("*.yaml")) if folder.exists() else []:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            definition = validate(FormDefinition, data, path)
        except (ContentError, yaml.YAMLError) as error:
            problems.append(str(error))
            continue
        service = content.find("services", definition.service, content.languages[0])
        if service is None:
            problems.append(f"{path}: field 'service': there is no service {definition.service}")
            continue
        forms[path.stem] = Form(path.stem, definition, service.page.meta.department)
    if problems:
        raise ContentError("\n".join(problems))
    return MappingProxyType(forms)


def current_forms() -> MappingProxyType:
    return current_app.extensions["content"].forms  # portal.bundle installs it
