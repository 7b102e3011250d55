"""hotseat: offline, spoken interview rehearsal in the terminal."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("hotseat")
except PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0+source"

__all__ = ["__version__"]
