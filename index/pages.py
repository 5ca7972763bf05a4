"""A page of a PDF filing as a reader sees it, rendered by pdfium, with a quote's characters marked on it.

The filing's text is its pages' text as `reader.pdf_page_text` writes it, joined by DOCUMENT_SEPARATOR; that
text differs from what pdfium reads only in white space and in the letters a ligature glyph stands for beyond
the one pdfium reads (which the page text lists). So the n-th non-space character of a page's text, those letters
left out, is the n-th non-space character pdfium reads on the page, and its box is where the quote's character
is printed.
"""
from __future__ import annotations

import ctypes
import io
from collections.abc import Iterator
from dataclasses import dataclass

from index.reader import DOCUMENT_SEPARATOR, PdfPageText, pdf_document, pdf_page_text

PAGE_WIDTH_PX = 900  # wide enough to read a 10-K's small print beside the chat
MARK_FILL = (255, 200, 0, 110)  # translucent yellow over the printed words
MARK_OUTLINE = (230, 120, 0, 255)


@dataclass(frozen=True)
class Box:
    """A rectangle on the rendered page, in pixels from its top left corner."""

    left: int
    top: int
    right: int
    bottom: int


@dataclass(frozen=True)
class PageImage:
    """A rendered page (PNG) and the boxes marked on it: the quote's lines as printed."""

    png: bytes
    page: int  # 1-based
    pages: int  # how many the document has
    width: int
    height: int
    boxes: tuple[Box, ...]


def render_quote(pdf: bytes, text: str, char_start: int, char_end: int, first_page: int | None) -> PageImage:
    """The page holding text[char_start:char_end] of this PDF's extracted `text`, with the quote marked.

    `first_page` (1-based) is a page at or before the quote (its passage's); without it the search starts on page 1.
    A quote running onto the next page is marked on its first page. When the page's text cannot be found in `text`
    (a file read by another version of the reader), the hinted page is rendered without marks.
    """
    with pdf_document(pdf) as document:  # closed, with every page and text page taken from it
        pages = len(document)
        number = min(max((first_page or 1) - 1, 0), pages - 1)
        page = document[number]
        text_page = page.get_textpage()
        # the last place this page's text lies before the quote: its page start in the filing's text
        for read in _readings(text_page):
            start = text.rfind(read.text, 0, char_start + len(read.text)) if read.text else -1
            if start >= 0:
                break
        while start >= 0 and char_start >= start + len(read.text) and number + 1 < pages:
            start += len(read.text) + len(DOCUMENT_SEPARATOR)
            number += 1
            page = document[number]
            text_page = page.get_textpage()
            read = next((r for r in _readings(text_page) if text.startswith(r.text, start)), None)
            if read is None:
                start, read = -1, pdf_page_text(text_page)
        bitmap = page.render(scale=PAGE_WIDTH_PX / page.get_width())
        image = bitmap.to_pil().convert("RGBA")  # a copy of the bitmap, which is freed here, under the lock
        bitmap.close()
        boxes = ()
        if start >= 0 and char_start < start + len(read.text):
            inside = (char_start - start, min(char_end, start + len(read.text)) - start)
            boxes = _line_boxes(page, text_page, read, inside, image.size)
    return PageImage(_marked_png(image, boxes), number + 1, pages, image.width, image.height, boxes)


def _readings(text_page) -> Iterator[PdfPageText]:
    """The page's text as the reader writes it, then, only when asked for, as earlier readers wrote it: before prose
    holding figures was told from a row of them, before a word's last letter parted by kerning was joined, before a
    header's date cells were made one row, and before ligatures were mended (a filing indexed then holds its words as
    pdfium splits them)."""
    yield pdf_page_text(text_page)
    yield pdf_page_text(text_page, wordy_figures=True)
    yield pdf_page_text(text_page, join_last_letters=False, wordy_figures=True)
    yield pdf_page_text(text_page, stack_periods=False, join_last_letters=False, wordy_figures=True)
    yield pdf_page_text(text_page, mend_ligatures=False, stack_periods=False, join_last_letters=False,
                        wordy_figures=True)


def _line_boxes(page, text_page, page_text: PdfPageText, span: tuple[int, int], size: tuple[int, int]
                ) -> tuple[Box, ...]:
    """Pixel boxes of the characters of page_text.text[span[0]:span[1]], one per printed line."""
    import pypdfium2.raw as pdfium_c

    def printed_before(position: int) -> int:  # characters pdfium reads before this position of the page text
        return sum(1 for i, char in enumerate(page_text.text[:position])
                   if not char.isspace() and i not in page_text.added)

    first = printed_before(span[0])
    count = printed_before(span[1]) - first
    read = text_page.get_text_range()  # its indices are pdfium's character indices
    printed = [i for i, char in enumerate(read) if not char.isspace()][first:first + count]

    def to_pixels(x: float, y: float) -> tuple[int, int]:
        device_x, device_y = ctypes.c_int(), ctypes.c_int()
        pdfium_c.FPDF_PageToDevice(page.raw, 0, 0, size[0], size[1], 0, x, y, device_x, device_y)
        return device_x.value, device_y.value

    lines: list[list[int]] = []
    for index in printed:
        left, bottom, right, top = text_page.get_charbox(index)
        (x0, y0), (x1, y1) = to_pixels(left, top), to_pixels(right, bottom)
        box = [min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)]
        line = lines[-1] if lines else None
        if line and box[1] < line[3] and box[3] > line[1] and box[0] >= line[0]:  # on the line, further right
            line[:] = [line[0], min(line[1], box[1]), max(line[2], box[2]), max(line[3], box[3])]
        else:
            lines.append(box)
    return tuple(Box(left - 2, top - 2, right + 2, bottom + 2) for left, top, right, bottom in lines)


def _marked_png(image, boxes: tuple[Box, ...]) -> bytes:
    from PIL import Image, ImageDraw

    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for box in boxes:
        draw.rectangle((box.left, box.top, box.right, box.bottom), fill=MARK_FILL, outline=MARK_OUTLINE, width=2)
    out = io.BytesIO()
    Image.alpha_composite(image, overlay).convert("RGB").save(out, "PNG", compress_level=3)
    return out.getvalue()
