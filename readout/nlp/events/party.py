"""A party to an event: a linked actor, or a reference resolved once the event's date and
other participants are known ("his Russian counterpart", "the two leaders")."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Party:
    actor_id: str | None = None
    counterpart_of: str | None = None  # country whose counterpart is meant ("Russia")
    group_roles: tuple[str, ...] = ()  # "the two leaders": roles of the people meant
    group_size: int = 0
    token: int = -1  # where the reference is, for context look-ups
