"""Language and writing direction of an article, from the letters it is written in.

Cheap on purpose: it runs for every seed. Script counts decide, and a few
letters or function words separate languages sharing a script.
"""

import re

SAMPLE_CHARS = 5000
_SCRIPTS = (
    ("arabic", re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")),
    ("latin", re.compile("[A-Za-z\u00c0-\u024f]")),
    ("he", re.compile("[\u0590-\u05ff]")),
    ("ru", re.compile("[\u0400-\u04ff]")),
    ("el", re.compile("[\u0370-\u03ff]")),
    ("ja", re.compile("[\u3040-\u30ff]")),
    ("zh", re.compile("[\u4e00-\u9fff]")),
    ("ko", re.compile("[\uac00-\ud7af]")),
    ("hi", re.compile("[\u0900-\u097f]")),
    ("th", re.compile("[\u0e00-\u0e7f]")),
)
# Letters Persian and Urdu use and Arabic does not (keheh, Farsi yeh, پ چ ژ گ)
# against Arabic-only ones (ة, Arabic yeh ي, ك).
_PERSIAN = re.compile("[\u067e\u0686\u0698\u06a9\u06af\u06cc]")
_URDU = re.compile("[\u0679\u0688\u0691\u06ba\u06be\u06c1\u06d2]")
_ARABIC_ONLY = re.compile("[\u0629\u064a\u0643]")
_FUNCTION_WORDS = {
    "en": frozenset("the and of to in is that for with was on".split()),
    "fr": frozenset("le la les des est et une du dans pour que qui sur".split()),
    "es": frozenset("el los las del es y una por que con para se".split()),
    "de": frozenset("der die das und ist nicht mit den von zu ein eine".split()),
}
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")
RTL = frozenset({"ar", "fa", "ur", "he"})


def detect(text: str) -> tuple[str, str]:
    """(language code, "rtl" or "ltr"); Arabic when there is nothing to go on."""
    sample = text[:SAMPLE_CHARS]
    counts = {name: len(pattern.findall(sample)) for name, pattern in _SCRIPTS}
    script = max(counts, key=counts.get)
    if not counts[script] or script == "arabic":
        lang = _arabic_script_language(sample)
    elif script == "latin":
        lang = _latin_language(sample)
    else:
        lang = script
    return lang, "rtl" if lang in RTL else "ltr"


def _arabic_script_language(sample):
    arabic_only = len(_ARABIC_ONLY.findall(sample))
    if len(_URDU.findall(sample)) > arabic_only:
        return "ur"
    if len(_PERSIAN.findall(sample)) > arabic_only:
        return "fa"
    return "ar"


def _latin_language(sample):
    words = [word.lower() for word in _LATIN_WORD.findall(sample)]
    scores = {lang: sum(word in common for word in words) for lang, common in _FUNCTION_WORDS.items()}
    best = max(scores, key=scores.get)
    return best if scores[best] else "en"
