"""Saved conversations: each owner's own, kept across restarts, reopened whole so that follow-ups work."""
from __future__ import annotations

import pytest

from conftest import SAMPLE
from qa.assistant import Assistant, StoreError
from qa.history import TITLE_CHARS, Conversations
from qa.models import Answer


@pytest.fixture(scope="module")
def answered(tmp_path_factory, embedder) -> tuple[Assistant, Answer, Answer]:
    from qa.config import AssistantSettings

    assistant = Assistant.open(AssistantSettings(data=tmp_path_factory.mktemp("history") / "data"), create=True)
    assistant._embedder = embedder
    assistant.ingest([SAMPLE])
    first = assistant.ask("Who did ImmunoGen appoint as CFO?")
    return assistant, first, assistant.ask("and who signed it?", history=[first.as_turn()])


def test_an_answer_read_back_from_its_json_is_the_same_answer(answered):
    _, first, follow_up = answered
    for answer in (first, follow_up):
        assert answer.answered_at.endswith("+00:00")
        again = Answer.from_json(answer.to_json())
        assert again.to_json() == answer.to_json() and again.as_turn() == answer.as_turn()


def test_conversations_are_kept_per_owner_across_restarts(answered, tmp_path):
    _, first, follow_up = answered
    path = tmp_path / "conversations.sqlite3"
    store = Conversations(path)
    mine = store.add("user:ana", "", first)
    assert store.add("user:ana", mine, follow_up) == mine
    other = store.add("user:bo", mine, first)  # not bo's: a conversation of bo's own
    assert other != mine

    reopened = Conversations(path)  # the server restarted
    assert [(c.conversation_id, c.title) for c in reopened.listed("user:ana")] == [(mine, first.question)]
    assert [a.to_json() for a in reopened.answers("user:ana", mine)] == [first.to_json(), follow_up.to_json()]
    assert reopened.answers("user:bo", mine) == []
    assert [c.conversation_id for c in reopened.listed("user:bo")] == [other]

    assert not reopened.rename("user:bo", mine, "stolen") and not reopened.delete("user:bo", mine)
    assert not reopened.rename("user:ana", mine, "   ")  # a title says something
    assert reopened.rename("user:ana", mine, "CFO  of\nImmunoGen " + "x" * 200)
    (renamed,) = reopened.listed("user:ana")
    assert renamed.title.startswith("CFO of ImmunoGen x") and len(renamed.title) == TITLE_CHARS
    assert reopened.delete("user:ana", mine)
    assert reopened.listed("user:ana") == [] and reopened.answers("user:ana", mine) == []


def test_a_reopened_conversation_takes_follow_ups(answered, tmp_path):
    assistant, first, _ = answered
    store = Conversations(tmp_path / "conversations.sqlite3")
    conversation = store.add("browser:x", "", first)
    reopened = Conversations(tmp_path / "conversations.sqlite3").answers("browser:x", conversation)
    history = [answer.as_turn() for answer in reopened]
    follow_up = assistant.ask("and who signed it?", history=history)
    assert "ImmunoGen" in follow_up.resolved_question
    assert any(c.section == "SIGNATURE" for c in follow_up.citations)


def test_a_folder_without_an_index_is_not_opened_and_nothing_is_created(tmp_path):
    with pytest.raises(StoreError, match="holds no index"):
        Assistant.open(data=tmp_path / "nothing")
    assert not (tmp_path / "nothing").exists()
