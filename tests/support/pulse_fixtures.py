"""PulseAudio test fixtures (filled in by the voice work)."""
