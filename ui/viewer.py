"""The document viewer beside the chat: a source (a citation's quote, or a passage) shown in its filing.

A source in a PDF is shown as its page, rendered with the quote's lines marked (`qa` renders it); any other
source, or a PDF's source when its section is asked for, as the section's text with the quote marked. Above
it: the filing's metadata and a link to its index page on EDGAR. Every value from a filing goes through
`html.escape`; the only link is EDGAR's, which `FilingRef.edgar_index_url` builds from digits.
"""
from __future__ import annotations

import base64
import html

from qa.models import Citation, PageImage, Passage, Section
from ui.render import SOURCE_LINK_PREFIX, file_name, marker, place

EMPTY = "Click a citation [n] in an answer to see its quote in the filing."
GONE = "This filing is no longer in the index."

# Runs once in the page, in the viewer's own gr.HTML (js_on_load): `trigger` sends an event to the server,
# `watch` runs after each new value is shown.
SCRIPT = f"""
// A click on a source's link in the conversation opens the source here: the link names it by two numbers.
document.addEventListener('click', (event) => {{
  const link = event.target.closest('#fqa-chat a[href^="#{SOURCE_LINK_PREFIX}"]');
  if (!link) return;
  event.preventDefault();
  event.stopPropagation();  // not also a click on the message
  trigger('source', {{anchor: link.getAttribute('href')}});
}}, true);
// Each source shown: its quote scrolled into the upper third of the document's frame.
watch('value', () => {{
  const frame = element.querySelector('.fqa-doc'), quote = element.querySelector('.fqa-scroll-to');
  if (frame && quote) frame.scrollTop = Math.max(0, quote.offsetTop - frame.clientHeight / 3);
}});
// Gradio labels a chat message with the Markdown it was sent as; screen readers read that label, so it is set
// to the text the message shows (no backslash escapes).
new MutationObserver(() => {{
  for (const message of document.querySelectorAll('#fqa-chat [data-testid][aria-label]')) {{
    const label = `${{message.dataset.testid}}'s message: ${{message.innerText.trim()}}`;
    if (message.getAttribute('aria-label') !== label) message.setAttribute('aria-label', label);
  }}
}}).observe(document.body, {{subtree: true, childList: true, characterData: true, attributes: true,
                             attributeFilter: ['aria-label']}});
"""

CSS = """
.fqa-viewer h3 { margin: 0 0 .25em; font-size: 1em; }
.fqa-meta { margin: 0 0 .4em; color: var(--body-text-color-subdued); font-size: .9em; }
.fqa-doc { position: relative; max-height: 640px; overflow-y: auto; border: 1px solid var(--border-color-primary);
           border-radius: var(--radius-sm); }
.fqa-text { white-space: pre-wrap; font-family: var(--font-mono); font-size: .85em; margin: 0; padding: .5em; }
.fqa-text mark { background: #ffe066; color: #000; padding: 0 .1em; }
.fqa-page { position: relative; }
.fqa-page img { display: block; width: 100%; height: auto; }
.fqa-page-mark { position: absolute; left: 0; width: 1px; height: 1px; }
"""


def empty(message: str = EMPTY) -> str:
    return f'<p class="fqa-empty">{html.escape(message)}</p>'


def highlighted(text: str, text_start: int, mark_start: int, mark_end: int) -> str:
    """`text` (which starts at offset `text_start` of its filing) as HTML, with [mark_start, mark_end) marked."""
    start = min(max(mark_start - text_start, 0), len(text))
    end = min(max(mark_end - text_start, start), len(text))
    return (f'{html.escape(text[:start])}<mark class="fqa-scroll-to">{html.escape(text[start:end])}</mark>'
            f"{html.escape(text[end:])}")


def source_view(item: Citation | Passage, section: Section | None, section_text: str, page: PageImage | None,
                anchor: str = "") -> str:
    """The source in its filing: the rendered `page` when given, else its `section` (whose text is
    `section_text`) with the quote or passage marked. `anchor`: the source's link in the conversation."""
    where = place(item)
    ref = where.filing
    filing = " · ".join(html.escape(v) for v in (ref.company or "Unknown company", ref.form,
                                                    f"filed {ref.filing_date}" if ref.filing_date else "") if v)
    heading = html.escape(where.section + (f" — {where.section_title}" if where.section_title else ""))
    shown_page = page.page if page else where.page
    pages = f" · page {shown_page}" + (f" of {page.pages}" if page else "") if shown_page else ""
    facts = " · ".join(html.escape(v) for v in (f"CIK {ref.cik}" if ref.cik else "",
                                                   f"period {ref.period}" if ref.period else "",
                                                   f"accession {ref.accession}" if ref.accession else "") if v)
    edgar = ref.edgar_index_url()
    link = (f' · <a href="{html.escape(edgar)}" target="_blank" rel="noopener noreferrer">EDGAR filing index</a>'
            if edgar else "")
    if page is not None:
        body = _page(page, item)
    elif section is None:
        body = f'<p class="fqa-text">{html.escape(GONE)}</p>'
    else:
        marked = highlighted(section_text, section.char_start, where.char_start, where.char_end)
        body = f'<div class="fqa-text">{marked}</div>'
    return (f'<article class="fqa-viewer" data-source="{html.escape(anchor)}">'
            f'<h3>{html.escape(marker(item))} {filing}</h3>'
            f'<p class="fqa-meta">{heading}{html.escape(pages)} · characters {where.char_start}–{where.char_end} of '
            f'{html.escape(file_name(ref))}</p>'
            + (f'<p class="fqa-meta">{facts}{link}</p>' if facts or link else "")
            + f'<div class="fqa-doc">{body}</div></article>')


def _page(page: PageImage, item: Citation | Passage) -> str:
    """The rendered page, described for screen readers by the quote it marks, with an anchor at the mark."""
    quoted = item.quote if isinstance(item, Citation) else item.chunk.text
    top = 100 * min((box.top for box in page.boxes), default=0) / page.height
    image = base64.b64encode(page.png).decode("ascii")
    return (f'<div class="fqa-page"><img src="data:image/png;base64,{image}" width="{page.width}" '
            f'height="{page.height}" alt="{html.escape(f"Page {page.page}, the quote marked: {quoted}")}">'
            f'<span class="fqa-page-mark fqa-scroll-to" style="top: {top:.2f}%"></span></div>')
