"""One typing slip between two words: a letter wrong, missing, extra, or two swapped."""

from __future__ import annotations

# No word a lexicon or a reader knows is longer; beyond it, a "word" is a run of
# characters (a pasted blob, a megabyte without spaces) that no slip explains, and
# leaving out each letter in turn would cost time growing with its square.
LONGEST_WORD = 40


def deletes(word: str) -> set[str]:
    """``word`` with each one of its letters left out (none for a run of characters
    longer than any word)."""
    if len(word) > LONGEST_WORD:
        return set()
    return {word[:k] + word[k + 1 :] for k in range(len(word))}


def one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by one edit (or one swap of neighbours)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        if len(diff) == 1:
            return True
        k = diff[0]
        return len(diff) == 2 and diff[1] == k + 1 and a[k] == b[k + 1] and a[k + 1] == b[k]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))
