"""EDGAR's SGML container: the <SEC-HEADER> fields and the <DOCUMENT>s of a full submission."""
from __future__ import annotations

import re
from dataclasses import dataclass

# Apple's 10-K of 1994-12-13 carries an <IMS-HEADER>, the header of EDGAR's first years.
HEADER_START = re.compile(r"<(SEC|IMS)-HEADER>")
HEADER_FIELD = re.compile(r"^\s*([A-Z][A-Z ()/-]+?):[ \t]*(\S[^\n]*?)\s*$", re.M)
DOCUMENT = re.compile(r"<DOCUMENT>(.*?)(?:</DOCUMENT>|\Z)", re.S | re.I)
TAG_LINE = re.compile(r"^<(TYPE|SEQUENCE|FILENAME|DESCRIPTION)>[ \t]*([^\n]*)$", re.M | re.I)
TEXT_BODY = re.compile(r"<TEXT>(.*?)(?:</TEXT>|\Z)", re.S | re.I)
UUENCODED = re.compile(r"^\s*begin [0-7]{3} \S", re.M)
# The tags a whole submission closes, innermost first, as EDGAR writes them: each on a line of its own.
CLOSED_TAGS = ("TEXT", "DOCUMENT", "SEC-HEADER", "IMS-HEADER", "SEC-DOCUMENT", "IMS-DOCUMENT", "SUBMISSION")


@dataclass(frozen=True)
class SubmissionDocument:
    type: str  # "8-K", "EX-99.1", "GRAPHIC" ...
    description: str
    filename: str
    body: str  # what lies between <TEXT> and </TEXT>


def is_sgml_submission(text: str) -> bool:
    head = text[:5000]
    return "<SEC-DOCUMENT>" in head or HEADER_START.search(head) is not None or (
        re.search(r"^<TYPE>", head, re.M) is not None and "<TEXT>" in text[:20000].upper()
    )


def header_fields(text: str) -> dict[str, list[str]]:
    """Every `NAME: value` line of the <SEC-HEADER> (<IMS-HEADER> in 1993-94), in order, by name."""
    match = HEADER_START.search(text, 0, 20000)
    if not match:
        return {}
    start = match.start()
    end = text.find(f"</{match.group(1)}-HEADER>", start)
    fields: dict[str, list[str]] = {}
    for m in HEADER_FIELD.finditer(text[start:end if end > 0 else start + 20000]):
        fields.setdefault(m.group(1).strip(), []).append(m.group(2).strip())
    return fields


def documents(text: str) -> list[SubmissionDocument]:
    """The submission's documents; a file holding one document without <DOCUMENT> tags is one too."""
    blocks = [m.group(1) for m in DOCUMENT.finditer(text)] or [text]
    found = []
    for block in blocks:
        body_match = TEXT_BODY.search(block)
        if not body_match:
            continue
        tags = {m.group(1).upper(): m.group(2).strip() for m in TAG_LINE.finditer(block[: body_match.start()])}
        found.append(
            SubmissionDocument(
                type=tags.get("TYPE", "").upper(),
                description=tags.get("DESCRIPTION", ""),
                filename=tags.get("FILENAME", ""),
                body=body_match.group(1),
            )
        )
    return found


def is_binary_body(body: str) -> bool:
    """uuencoded images and archives, or a PDF inside the submission."""
    head = body[:2000]
    return UUENCODED.search(head) is not None or head.lstrip().startswith("%PDF")


def cut_off(text: str, parts: list[SubmissionDocument], header: dict[str, list[str]]) -> str:
    """What a submission cut off before its end lacks, in one line; "" when every tag it opens is closed.

    `parts` are its documents and `header` its header fields. A file saved while it downloaded ends anywhere: in a
    document, between two, in the header.
    """
    unclosed = [tag for tag in CLOSED_TAGS if len(re.findall(rf"^<{tag}>", text, re.M | re.I))
                > len(re.findall(rf"^</{tag}>", text, re.M | re.I))]
    if not unclosed:
        return ""
    said = f"the file ends without {', '.join(f'</{tag}>' for tag in unclosed)}"
    if parts and ("TEXT" in unclosed or "DOCUMENT" in unclosed):
        said += f": its last document ({parts[-1].type or 'untitled'}) is cut off"
    # Said only of a file cut off: a whole submission since XBRL counts documents it does not hold (Apple's 8-K
    # of 2024-02-01 holds 15 of its 17).
    counted = header.get("PUBLIC DOCUMENT COUNT", [""])[0]
    if counted.isdigit() and len(parts) < int(counted):
        said += f"; {len(parts)} of the {counted} documents its header counts are in it"
    return said + "; read as far as it goes"
