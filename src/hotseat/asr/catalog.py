"""Vosk models hotseat knows how to fetch, with the size and digest to expect."""

from __future__ import annotations

from dataclasses import dataclass, replace

from hotseat.asr.models import DEFAULT_MODEL_NAME


@dataclass(frozen=True)
class KnownModel:
    name: str
    url: str
    size: int  # bytes of the zip
    sha256: str
    licence: str
    language: str
    note: str

    def from_mirror(self, url: str | None = None, sha256: str | None = None) -> KnownModel:
        """The same model fetched from elsewhere (a mirror, or a test server)."""
        return replace(
            self,
            url=url or self.url,
            sha256=(sha256 or self.sha256).lower(),
            size=self.size if sha256 is None else 0,  # 0: size unknown, the digest decides
        )


KNOWN_MODELS: dict[str, KnownModel] = {
    DEFAULT_MODEL_NAME: KnownModel(
        name=DEFAULT_MODEL_NAME,
        url=f"https://alphacephei.com/vosk/models/{DEFAULT_MODEL_NAME}.zip",
        size=41_205_931,
        sha256="30f26242c4eb449f948e42cb302dd7a686cb29a3423a8367f99ff41780942498",
        licence="Apache-2.0",
        language="US English",
        note="small and fast; the default",
    ),
}
