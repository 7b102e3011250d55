"""hotseat: offline, spoken interview rehearsal in the terminal.

The path of one spoken answer, from the microphone to the panel:

1. microphone: ``audio.capture`` - PortAudio's callback thread only copies each
   block into a bounded queue.
2. listener: ``asr.listener.MicListener`` - its one worker thread
   (``asr.answer_worker``) drains the queue, resamples, saves and meters the
   audio and feeds the recognizer (``asr.answer``); partial text goes back as
   ``PartialTranscript`` messages.
3. transcript: at the end of the answer the listener hands the screen a timed
   ``transcript.Transcript`` (a ``FinalTranscript`` message).
4. session: ``tui.screens.interview`` calls ``session.engine.Session.finish_answer``
   on the UI thread.
5. store: the session's ``on_answer_closed`` hook has the App save the answer
   first, before any analysis (``tui.app_history.AppHistory.keep_first``):
   ``store.keeper.HistoryKeeper`` runs the save on the history's own thread,
   where ``store.recorder.Recorder`` writes it straight into SQLite
   (``store.store.Store``). Only a write the database refuses waits, in memory
   and at once in a file (``store.spill``), so neither a full disk nor kill -9
   loses it.
6. feedback: the session's analyzer (``session.analysis.analyzer_for``) asks
   ``feedback.analyze`` for the score and its evidence; the turn is saved again
   with its feedback.
7. panel: ``tui.widgets.feedback_panel.FeedbackPanel`` shows it.

A typed answer starts at step 3. Packages import only downwards (the layers
contract in ``pyproject.toml``): cli, tui, doctor/startup, store, session,
feedback, asr | speech, audio, questions, then the base modules.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("hotseat")
except PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0+source"

__all__ = ["__version__"]
