"""The Textual app: screens, widgets and the glue to the voice, microphone and history."""
