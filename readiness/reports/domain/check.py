"""The report check: refuses a document that would go out with the founding review's
defects. Pure: a `Document` in, a list of problems out.

- a cross-reference (or a contents entry) whose target is not in the document: the
  founding review's contents read "Error! Bookmark not defined.";
- a recommendation or action point whose code differs between the body and the summary
  (R1 in the body, R7 in the summary), or which is in one and not the other;
- an item with no text (A13 in the summary), or a paragraph, heading or table cell
  that says nothing where something is due;
- an empty bullet, in a list or in an item's guidance.
"""

from __future__ import annotations

from dataclasses import dataclass

from .document import (
    BulletList,
    Contents,
    Document,
    Heading,
    Inline,
    Item,
    Note,
    Paragraph,
    Ref,
    Table,
    plain,
)

# Words a word processor leaves where a field failed: never let them out.
FIELD_ERRORS = ("Error! Bookmark not defined", "Error! Reference source not found")


@dataclass(frozen=True)
class Problem:
    kind: str  # dangling-reference, code-mismatch, missing-item, no-text, empty-bullet, ...
    message: str

    def __str__(self) -> str:
        return f"{self.kind}: {self.message}"


class ReportCheckError(ValueError):
    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("The report was not built: " + "; ".join(map(str, problems)))


def _where(block: object, position: int) -> str:
    if isinstance(block, Paragraph) and block.number is not None:
        return f"paragraph {block.number}"
    if isinstance(block, Item):
        return f"{block.code or 'an item'} in the {block.place}"
    if isinstance(block, Heading):
        return f"heading '{block.text}'"
    if isinstance(block, Table):
        return f"table '{block.caption}'"
    return f"block {position + 1}"


def _refs(content: Inline) -> list[Ref]:
    return [part for part in content if isinstance(part, Ref)]


def check(document: Document) -> list[Problem]:
    problems: list[Problem] = []
    anchors: dict[str, int] = {}
    for position, block in enumerate(document.blocks):
        anchor = getattr(block, "anchor", "")
        if anchor:
            if anchor in anchors:
                problems.append(Problem("duplicate-anchor", f"Two places are called '{anchor}'."))
            anchors[anchor] = position

    def follow(ref: Ref, where: str) -> None:
        if ref.target not in anchors:
            problems.append(Problem(
                "dangling-reference",
                f"{where} refers to '{ref.text}', which is not in the report "
                f"(no '{ref.target}').",
            ))  # fmt: skip
        if not ref.text.strip():
            problems.append(Problem("no-text", f"{where} has a cross-reference with no words."))

    def words(content: Inline, where: str) -> None:
        text = plain(content)
        for error in FIELD_ERRORS:
            if error.lower() in text.lower():
                problems.append(Problem(
                    "dangling-reference", f"{where} contains '{error}': a broken field."
                ))  # fmt: skip
        for ref in _refs(content):
            follow(ref, where)

    body: dict[str, Item] = {}
    summary: dict[str, Item] = {}
    after = "the start"
    for position, block in enumerate(document.blocks):
        where = _where(block, position)
        if isinstance(block, BulletList):
            where = f"the list after {after}"
        elif isinstance(block, Paragraph) and block.number is not None:
            after = where
        elif isinstance(block, Heading):
            after = f"the heading '{block.text}'"
        elif isinstance(block, Item):
            after = f"{block.code} in the {block.place}"
        if isinstance(block, Heading):
            if not block.text.strip():
                problems.append(Problem("no-text", f"A heading ({block.anchor}) has no words."))
            words((block.text,), where)
        elif isinstance(block, Paragraph | Note):
            if not plain(block.content).strip():
                problems.append(Problem("no-text", f"{where.capitalize()} has no text."))
            words(block.content, where)
        elif isinstance(block, BulletList):
            if not block.items:
                problems.append(Problem("empty-bullet", f"{where.capitalize()} has no bullets."))
            for number, item in enumerate(block.items, start=1):
                if not plain(item).strip():
                    problems.append(Problem(
                        "empty-bullet", f"Bullet {number} of {where} is empty."
                    ))  # fmt: skip
                words(item, f"bullet {number} of {where}")
        elif isinstance(block, Contents):
            for entry in block.entries:
                if entry.target not in anchors:
                    problems.append(Problem(
                        "dangling-reference",
                        f"The contents entry '{entry.text}' points to no heading "
                        f"(no '{entry.target}'); Word would print 'Error! Bookmark not "
                        "defined.'",
                    ))  # fmt: skip
                else:
                    target = document.blocks[anchors[entry.target]]
                    if isinstance(target, Heading) and target.text != entry.text:
                        problems.append(Problem(
                            "contents-mismatch",
                            f"The contents entry '{entry.text}' points to the heading "
                            f"'{target.text}'.",
                        ))  # fmt: skip
                words((entry.text,), "the contents")
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row:
                    if isinstance(cell, tuple):
                        words(cell, where)
        elif isinstance(block, Item):
            _item(block, where, problems, words)
            if block.code:
                seen = body if block.place == "body" else summary
                if block.code in seen and seen[block.code].text != block.text:
                    problems.append(Problem(
                        "code-mismatch",
                        f"{block.code} is used for two different items in the {block.place}.",
                    ))  # fmt: skip
                seen.setdefault(block.code, block)
    problems.extend(_body_against_summary(body, summary))
    return problems


def _item(block: Item, where: str, problems: list[Problem], words) -> None:
    if not block.code.strip():
        problems.append(Problem("no-code", f"An item in the {block.place} has no code: "
                                           f"'{block.text[:60]}'."))  # fmt: skip
    if not block.text.strip():
        problems.append(Problem("no-text", f"{block.code} in the {block.place} has no text."))
    words((block.text,), where)
    for number, line in enumerate(block.guidance, start=1):
        if not line.strip():
            problems.append(Problem(
                "empty-bullet", f"Bullet {number} under {block.code} in the {block.place} "
                "is empty."
            ))  # fmt: skip
    if block.raised_in is not None:
        words((block.raised_in,), where)


def _body_against_summary(body: dict[str, Item], summary: dict[str, Item]) -> list[Problem]:
    """Every item in both places, with the same code, text and guidance."""
    problems: list[Problem] = []
    body_by_text = {item.text.strip(): code for code, item in body.items() if item.text.strip()}
    summary_by_text = {i.text.strip(): code for code, i in summary.items() if i.text.strip()}
    for code, item in summary.items():
        if code in body:
            if item.text.strip() and item.text != body[code].text:
                problems.append(Problem(
                    "text-mismatch",
                    f"{code} reads differently in the body and in the summary.",
                ))  # fmt: skip
            elif item.text.strip() and item.guidance != body[code].guidance:
                problems.append(Problem(
                    "text-mismatch",
                    f"{code}'s guidance differs between the body and the summary.",
                ))  # fmt: skip
            continue
        other = body_by_text.get(item.text.strip())
        if other:
            problems.append(Problem(
                "code-mismatch",
                f"The summary calls '{item.text[:60]}' {code}; the body calls it {other}.",
            ))  # fmt: skip
        else:
            problems.append(Problem(
                "missing-item", f"{code} is in the summary but not in the body."
            ))  # fmt: skip
    for code, item in body.items():
        if code in summary or summary_by_text.get(item.text.strip()):
            continue
        problems.append(Problem("missing-item", f"{code} is in the body but not in the summary."))
    return problems
