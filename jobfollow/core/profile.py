"""The user's own details: used to sign letters and by the rules (an employed user gives notice)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields


@dataclass(frozen=True)
class UserDetails:
    name: str = ""
    email: str = ""
    phone: str = ""
    employed: bool = False
    country: str = ""  # ISO code for public holidays; "" means weekends only

    @classmethod
    def from_dict(cls, data: dict) -> UserDetails:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

    def to_dict(self) -> dict:
        return asdict(self)
