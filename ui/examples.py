"""Example questions for the chat, drawn from the filings in the index and the sections they have."""
from __future__ import annotations

import html
from collections.abc import Callable

from qa.models import COMPLETE, FilingRecord, Section

# (what a section's name or title contains, lower-cased; the question it suggests), most telling first
QUESTIONS_BY_SECTION = (
    ("departure of directors", "Which directors or officers changed at {company} in {year}?"),
    ("results of operations and financial condition", "What results did {company} announce on {date}?"),
    ("ex-99", "What did {company} announce in its press release of {date}?"),
    ("risk factors", "What risk factors does {company} list in its {form} of {date}?"),
    ("management's discussion", "What does {company}'s management say about results in its {form} of {date}?"),
    ("signatures", "Who signed {company}'s {form} of {date}?"),
)


def example_questions(filings: list[FilingRecord], sections_of: Callable[[str], list[Section]],
                      limit: int = 6) -> list[str]:
    """One question per filing (newest first, one filing per company), from the first section it fits."""
    questions: list[str] = []
    companies: set[str] = set()
    for record in sorted(filings, key=lambda r: r.filing.filing_date, reverse=True):
        filing = record.filing
        if record.status != COMPLETE or not filing.company or filing.company in companies:
            continue
        names = [f"{s.name} {s.title}".lower() for s in sections_of(filing.filing_id)]
        template = next((q for key, q in QUESTIONS_BY_SECTION if any(key in name for name in names)), None)
        if template is None:
            continue
        companies.add(filing.company)
        questions.append(template.format(company=filing.company, form=filing.form or "filing",
                                         date=filing.filing_date or "its filing date",
                                         year=filing.filing_date[:4] or "its latest filing"))
        if len(questions) == limit:
            break
    return questions


# The page's side of the examples (js_on_load of their gr.HTML): a click asks that example.
SCRIPT = """
element.addEventListener('click', (event) => {
  const example = event.target.closest('button.fqa-example');
  if (example) trigger('example', {question: example.textContent});
});
"""


def examples_html(questions: list[str]) -> str:
    """The example questions as buttons, each written out whole (company names are filing text: escaped)."""
    buttons = "".join(f'<button type="button" class="fqa-example">{html.escape(q)}</button>' for q in questions)
    return f'<div class="fqa-examples" aria-label="Example questions">{buttons}</div>' if questions else ""
