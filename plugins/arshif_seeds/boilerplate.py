"""Site boilerplate in scraped articles: share trailers, related-news lists, end marks.

The patterns come from the egynews2013 and SaudiNewsNet corpora. Only whole
lines that are boilerplate are removed (plus a few trailers glued to the end
of a paragraph); a body paragraph is never dropped, so every removal is
reported back as a `Removed` record.
"""

import dataclasses
import re

from .byline import AGENCY, DASH, byline_fields
from .dates import RELATIVE_TIME
from .furniture import BOTTOM_LINES, EMPTY, is_sentence


@dataclasses.dataclass(frozen=True)
class Removed:
    kind: str
    text: str


def _line(*patterns):
    return re.compile("^(?:" + "|".join(patterns) + ")$", re.IGNORECASE)


_ALEF = "[اأإآ]"
# Headings that introduce a list of links to other articles.
_RELATED = _line(
    rf"{_ALEF}?قر{_ALEF} {_ALEF}يض[اًٌ]*\s*:?",
    rf"(?:ال)?{_ALEF}خبار (?:ال)?متعلقة\s*:?",
    r"(?:ال)?مواضيع (?:ال)?متعلقة\s*:?",
    r"(?:ال)?موضوعات (?:ال)?متعلقة\s*:?",
    rf"{_ALEF}قر{_ALEF} (?:ال)?مزيد\s*:?",
    rf"(?:طالع|شاهد) {_ALEF}يض[اًٌ]*\s*:?",
    r"(?:(?:مقالات|{a}خبار|اخبار|مواضيع|موضوعات) )?ذات صلة\s*:?".format(a=_ALEF),
    rf"قد يهمك(?: {_ALEF}يض[اًٌ]*)?\s*:?",
    r"related (?:posts|articles|news|stories)\s*:?", r"read (?:more|also)\s*:?", r"you may also like\s*:?",
    r"(?:[àa] )?lire aussi\s*:?", r"voir aussi\s*:?", r"sur le même sujet\s*:?",
)
# `اقرأ أيضًا: <another article's headline>` on one line (`- اقرأ ايضا.. …`, `للمزيد: …`, `Lire aussi : …`).
_RELATED_LINK = re.compile(
    rf"^(?:[-–•*]\s*)?(?:(?:{_ALEF}قر{_ALEF}|طالع|شاهد) (?:{_ALEF}يض[اًٌ]*|(?:ال)?مزيد)|للمزيد"
    r"|(?:[àa] )?lire aussi|voir aussi|read (?:more|also)|see also)"
    r"\s*(?::|\.\.+|…|[-–]\s)\s*\S.{0,150}$", re.I)
# Site widgets a page shows around every article (`طباعة | أرسل لصديق`).
_WIDGET = (r"(?:طباعة|{a}رسال|{a}رسل لصديق|{a}رسل {a}لى صديق|تكبير الخط|تصغير الخط|حجم الخط|تعليقات"
           r"|{a}ضف تعليق(?:ك|[اًً]*))")
_WIDGET = _WIDGET.format(a=_ALEF)
_SOCIAL = (r"(?:تويتر|فيسبوك|فيس بوك|يوتيوب|انستغرام|إنستغرام|انستجرام|تلغرام|تيليجرام|واتساب|تيك توك|سناب شات"
           r"|[جغ]وجل نيوز|Twitter|Facebook|Instagram|YouTube|Telegram|WhatsApp|TikTok|Google News)")
# Page buttons in Latin script (`Print Email`, `Partager`).
_LATIN_WIDGET = r"(?:print|e-?mail|share|tweet|facebook|twitter|whatsapp|imprimer|envoyer|partager)"
_RELATIVE_STAMP = rf"(?:(?:آخر تحديث|اخر تحديث|تم التحديث|نشر|نُشر|updated|posted)\s*:?\s*)?(?:{RELATIVE_TIME})"
_LINE_KINDS = (
    ("share", _line(
        r"(?:مشاركة|شارك|شارك الخبر|شارك المقال|المشاركة)\s*:?",
        r"شارك من خلال تويتر.{0,120}",
        r"(?:Next )?Previous(?: .{0,40})?",
        r"(?:share|tweet)(?: this)?\s*:?",
        rf"partager(?: (?:sur|cet article|l'article).{{0,40}})?\s*:?",
        rf"(?:شارك|مشاركة|share)\s*:?\s*(?:{_SOCIAL}\s*[|/،,\-–]?\s*){{1,8}}",
        r"(?:ال)?(?:خبر|مقال|موضوع)\s+(?:ال)?(?:سابق|تالي)|(?:previous|next) (?:post|article)",
        rf"{_LATIN_WIDGET}(?:\s*[|/\-–]?\s*{_LATIN_WIDGET}){{1,6}}",
        r"شارك(?:وا)?(?: هذا)? (?:الخبر|المقال|الموضوع|الصفحة)(?: (?:على|عبر|مع) .{0,40})?\s*:?",
        rf"تابعو(?:نا|ا) .{{0,40}}(?:على|عبر|في) .{{0,40}}{_SOCIAL}.{{0,60}}",
        rf"تابعونا (?:على|عبر) .{{0,80}}",
        rf"{_WIDGET}(?:\s*[|/\-–]?\s*{_WIDGET}){{0,6}}",
        r"طباعة (?:ال)?(?:خبر|مقال|صفحة|موضوع)",
        rf"شارك(?:ه|ها)? (?:عبر|على|في) {_SOCIAL}",
    )),
    ("breadcrumb", _line(
        r"(?:ال)?رئيسي[ةه]\s*[»>›/|\\]+.{0,150}",
        r"(?:home|accueil)\s*[»>›/|]+.{0,150}",
    )),
    # An address alone on its line is never a headline (the first line included).
    ("link", _line(r"(?:https?://|www\.|(?:t\.me|wa\.me|bit\.ly|goo\.gl)/)\S+")),
    ("counter", _line(
        # `آخر تحديث: منذ 3 ساعات`: a time relative to when the page was saved.
        rf"{_RELATIVE_STAMP}(?:\s*[|\-–،,]\s*{_RELATIVE_STAMP})*",
        r"لا (?:توجد|يوجد) تعليقات",
        # A clock time alone (the page's, of no day).
        r"(?:الساعة\s*)?\d{1,2}:\d{2}\s*(?:ص|م|am|pm|صباح[اًا]*|مساء[ًا]*)?",
        r"\d[\d,.]*\s*(?:views|comments|shares|vues|commentaires)",
        r"(?:عدد )?(?:ال)?(?:قراءات|مشاهدات|زيارات|تعليقات|مشاركات)\s*:?\s*\(?\s*\d+\s*\)?",
        r"\d+\s*(?:مشاهدة|مشاهدات|قراءة|قراءات|تعليق|تعليقات|زيارة)",
        r"(?:وقت|مدة) القراءة\s*:?\s*.{0,20}",
        r"\d+\s*دقائق?\s*(?:لل)?قراءة",
    )),
    ("source", _line(
        r"(?:ال)?مصدر\s*:.{1,80}",
        r"source\s*:.{1,80}",
        r"نقل[اًا]* عن(?:\s+[^\s.!?؟،,:]+){1,5}",
    )),
    ("tags", _line(
        r"(?:ال)?(?:كلمات|وسوم|علامات)(?: (?:ال)?(?:دالة|مفتاحية|بحث))?\s*:.{0,200}",
        r"(?:tags|keywords)\s*:.{0,200}",
        r"#[^\s#]+(?:\s+#[^\s#]+){0,15}",
    )),
    ("source_link", _line(
        r"(?:ال)?رابط (?:ال)?(?:مختصر|خبر|مقال|موضوع|دائم)\s*:.{0,200}",
    )),
    ("video", _line(
        r"و?لمشاهدة (?:ال)?فيديو.{0,60}",
        r"و?ل(?:متابعة|قراءة) (?:تفاصيل|باقي|بقية).{0,50}",
        rf"{_ALEF}ضغط هن[اـ]+.{{0,30}}",
        r"صور متعلقة\s*:?",
        # What a page shows in place of an embedded post or video it could not play.
        r"(?:عرض|شاهد) هذا المنشور (?:على|في) .{1,20}|view this post on .{1,20}",
        r"متصفحك لا يدعم.{0,60}|your browser does not support.{0,60}",
        # An advertisement's slot, a loading notice.
        r"[-–]*\s*(?:إعلان|اعلان|إعلانات|اعلانات|advertisement|publicité|sponsored)\s*[-–]*",
        r"(?:جار[يٍ]? التحميل|يتم التحميل|loading)\s*\.*",
        # Captions: `(صورة أرشيفية)`, `صورة من أرشيف رويترز`, `(الوزير خلال الافتتاح - أرشيف)`.
        rf"[(\[]?\s*(?:ال)?(?:صورة )?{_ALEF}رشيفي[ةه]\s*[)\]]?",
        rf"(?:ال)?صورة من {_ALEF}رشيف(?:\s+\S+){{0,3}}",
        rf"\([^()]{{1,80}}\s[-–]\s*(?:صورة\s+)?{_ALEF}رشيف(?:ي[ةه])?\s*\)",
    )),
    ("end_mark", _line(
        r"/+\s*(?:انتهى|يتبع)\s*/+",
        r"\d{1,2}:\d{2}\s*ت\s*م",  # SPA wire time stamp (Makkah time)
        r"[(\[-]\s*انتهى\s*[)\]-]",
        r"انتهى\.?",
    )),
    ("more_link", _line(
        r"\.*\s*المزيد\s*\.*",
        r"المزيد من (?:مقالات|أخبار|اخبار).{0,60}",
    )),
    ("credit", _line(
        r"\(\s*(?:إعداد|اعداد|تغطية صحفية|تحرير|ترجمة)[^()]{0,120}\)",
        # A photograph's credit: `تصوير: علي حسن`, `الصورة - أرشيف`.
        r"(?:تصوير|الصورة|صورة|عدسة)\s*[:\-–]\s*[^.:]{1,50}",
        r"(?:crédit photo|crédits? photos?|photos?|credit|crédit)\s*[:\-–]\s*[^.:]{1,50}",
        r"\(\s*(?:getty(?: images)?|epa|shutterstock|archives?)\s*\)",
        # Syndication credits: `* خدمة «…»`, `بالاتفاق مع «…»`.
        r"\*?\s*(?:خدمة|بالاتفاق مع|بالتعاون مع|بالترتيب مع)\s*[«\"“][^»\"”]{2,40}[»\"”]\s*\.?",
    )),
    ("footer", _line(
        r".{0,60}\bsms\b.{0,100}",
        r"\d{4,6}\s*-\s*(?:Zain|STC|Mobily|زين|موبايلي|الاتصالات)",
        r"[\w.+-]+@[\w-]+\.[\w.]+",
        # A writer's account under a column: `تويتر: @name`, `@name`.
        r"(?:(?:تويتر|twitter|انستغرام|instagram)\s*:?\s*)?@[A-Za-z0-9_]{2,30}",
        # `جميع الحقوق محفوظة © 2014`, `Copyright 2014 …`.
        r".{0,60}(?:©|\(c\)|all rights reserved|copyright).{0,80}",
        r"(?:(?:جميع|كل) الحقوق|حقوق (?:ال)?(?:نشر|طبع)(?: و(?:ال)?(?:نشر|طبع))?) محفوظة(?:\s+\S+){0,5}",
        # Newsletter, app and channel plugs.
        r"(?:اشترك|اشتركوا|سجل|سجّل)\s+(?:الآن\s+)?(?:في|ب)\s*(?:ال)?(?:نشر[ةه]|نشرتنا|القائمة البريدية).{0,80}",
        r"(?:subscribe|sign up|inscrivez-vous)\s+(?:to|for|à)\s+(?:our|the|notre|la)\s+newsletter.{0,60}",
        r"(?:ل)?(?:حمل|حمّل|تحميل|نزل|نزّل)\s+تطبيق(?:\s+\S+){0,12}",
        rf"(?:انضم|انضموا|اشترك|اشتركوا|للاشتراك|للانضمام)\s+(?:إلى|الى|في|ب)\s*(?:قناتنا|قناة|مجموعتنا|صفحتنا)"
        r"(?:\s+\S+){0,8}",
        r"(?:follow us|suivez-nous|retrouvez-nous)\s+(?:on|sur)\s+.{0,80}",
        # A comment form, a rating widget, the masthead's editor, the paper's address.
        r"(?:اترك|أترك|اكتب|أضف|اضف) (?:تعليق[اًا]*|رد[اًا]*|تعليقك|ردك)|لن يتم نشر (?:عنوان )?بريدك.{0,60}",
        r"(?:قيم|قيّم) (?:هذا )?(?:المقال|الخبر|الموضوع)",
        r"(?:رئيس|مدير|نائب رئيس) التحرير\s*:.{1,50}",
        r"(?:ص\.?\s?ب\.?|هاتف|فاكس|الهاتف)\s*:?\s*\d[\d\s+/-]{3,}.{0,80}",
    )),
    # What an embedded post leaves in the body (not over the article): its signature
    # (`— name (@handle) date`, `A post shared by …`); and, under a body sentence only,
    # `Posted by <page> on <date>` or a photograph's agency credit (`(أ ف ب)`).
    ("embed", _line(r"[—–-]\s*[^()]{1,60}\(@\w{1,30}\)\s*.{0,60}", r"a post shared by .{1,120}")),
    ("embed_under_sentence", _line(
        r"posted by .{1,60} on .{4,60}",
        rf"{DASH}*\s*[(\[]\s*{AGENCY}\s*[)\]]\s*{DASH}*",
    )),
)
# A cookie banner (a `notice` line, at the top too: never a headline), searched for in
# lines up to NOTICE_MAX_CHARS long.
_COOKIES = re.compile(r"(?:نستخدم|يستخدم|تستخدم)\s.{0,40}(?:ملفات (?:تعريف )?الارتباط|كوكيز)"
                      r"|(?:we use|uses?|utilise(?:nt)?(?: des)?) cookies", re.I)
NOTICE_MAX_CHARS = 300
# An agency's tag closing the article: a line `(د ب أ)`, `- واس -`, or glued after the
# last sentence (`… المقبلة. (رويترز)`). At the top the same tag is a byline (read there).
_AGENCY_LINE = re.compile(rf"^{DASH}*\s*[(\[]?\s*{AGENCY}\s*[)\]]?\s*{DASH}*\.?$")
_AGENCY_TAIL = re.compile(rf"(?<=[.!?؟»\"”])\s*(?:[(\[]\s*{AGENCY}\s*[)\]]|{DASH}+\s*{AGENCY}\s*{DASH}*)\.?\s*$")
# The line kinds in one pattern, each a named group (one match a line, kinds in their order).
_ANY_KIND = re.compile("|".join(f"(?P<{kind}>{pattern.pattern})" for kind, pattern in _LINE_KINDS),
                       re.IGNORECASE)
# Lines with no letter or digit at all: lone `.`, `...`, `■ ■ ■`, `*`.
_NO_WORD = re.compile(r"^[^\w]*$")
# Share buttons glued to the start of the first paragraph.
_INLINE_HEAD = re.compile(r"^شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك\s+")
# Trailers glued to the end of the last sentence of a paragraph.
_INLINE_TAIL = (
    ("end_mark", re.compile(r"\s*(?:/+\s*انتهى\s*/+|\(\s*انتهى\s*\)|-\s*انتهى\s*-)\s*$")),
    ("source_link", re.compile(r"\s+رابط الخبر بصحيفة [^:\n]{1,40}:[^\n]{0,200}$")),
)
_SENTENCE_END = re.compile(r"[.!?؟،,;؛:]\s*$")
# The address of a thumbnail picture scraped into the text, or of an embedded post's
# picture (`pic.twitter.com/…`): never something a reader reads.
_IMAGE_URL = re.compile(r"\s*(?:(?:https?://|www\.)\S+\.(?:jpe?g|png|gif|webp)(?:\?\S*)?"
                        r"|(?:https?://)?pic\.twitter\.com/\S+)(?=\s|$)", re.I)
# A page's style or script rules scraped with the text: `#vote_area ul { padding: 0; … }`.
_CODE = re.compile(r"(?:^|\s)[#.]?[A-Za-z_][\w-]*(?:\s+[#.]?[\w-]+)*\s*\{[^{}]{0,300}:[^{}]{0,300};")
_ARABIC = re.compile("[\u0600-\u06ff]")
# Code is cut only when the text from where it starts is at least this share non-Arabic.
CODE_MIN_SHARE = 0.9
RELATED_ITEM_MAX_WORDS = 20
RELATED_LIST_MAX = 12
INLINE_TAIL_CHARS = 300
# A footer glued to the last paragraph (`… تماماً. رابط الخبر …: <headline>`) is this short.
FOOTER_MAX_WORDS = 30


def strip_boilerplate(lines: list[str], profile=EMPTY) -> tuple[list[str], list[Removed]]:
    """Split `lines` into the article's own lines and the removed boilerplate.

    Known furniture anywhere, the archive's masthead (`Profile.masthead`) at the
    top, then what its `profile` learned to be furniture at the bottom (the rest
    of the top is read with the byline).
    """
    kept, removed = [], []
    in_related = 0
    top = True  # nothing kept yet
    for line in lines:
        text = line.strip()
        if not text:
            kept.append(line)
            continue
        top = top and not any(k.strip() for k in kept)
        first = top and not removed
        if top and profile.is_masthead(text) and not set(byline_fields(text, profile)) - {"byline"}:
            removed.append(Removed("learned", text))  # the masthead; a byline stays to be read
            continue
        if in_related:
            if _is_related_item(text):
                removed.append(Removed("related", text))
                in_related -= 1
                continue
            in_related = 0
        if _RELATED_LINK.match(text):
            removed.append(Removed("related", text))
            continue
        if _RELATED.match(text):
            removed.append(Removed("related", text))
            in_related = RELATED_LIST_MAX
            continue
        kind = _line_kind(text)
        if kind == "embed_under_sentence":
            kind = "embed" if _after_sentence(kept) else None
        elif kind == "embed" and top:
            kind = None
        # A headline may mention an SMS, a web site or a source (`المصدر: …`); footers
        # and source lines are never the first line.
        if kind and not (first and kind in ("footer", "source")):
            removed.append(Removed(kind, text))
            continue
        head = _INLINE_HEAD.match(text)
        if head:
            removed.append(Removed("share", head.group().strip()))
            text = text[head.end() :]
        for image in reversed(list(_IMAGE_URL.finditer(text))):
            removed.append(Removed("image_link", image.group().strip()))
            text = " ".join((text[:image.start()] + " " + text[image.end():]).split())
        if not text:
            continue
        code = _code_start(text)
        if code is not None:
            removed.append(Removed("code", text[code:].strip()))
            text = text[:code].rstrip()
            if not text:
                continue
        for kind, tail in _INLINE_TAIL:
            match = tail.search(text, max(0, len(text) - INLINE_TAIL_CHARS))
            if match and match.start() > 0:
                removed.append(Removed(kind, match.group().strip()))
                text = text[: match.start()]
        kept.append(text)
    return _strip_learned_bottom(_strip_agency_end(kept, removed), profile, removed), removed


def _strip_agency_end(lines, removed):
    """The agency's tag closing the article (its name stays, if at all, with the byline)."""
    lines = list(lines)
    while lines and not lines[-1].strip():
        lines.pop()
    body = sum(1 for line in lines if line.strip())
    if body > 2 and _AGENCY_LINE.match(lines[-1].strip()):
        removed.append(Removed("agency", lines.pop().strip()))
    elif body > 1:
        match = _AGENCY_TAIL.search(lines[-1])
        if match:
            removed.append(Removed("agency", match.group().strip()))
            lines[-1] = lines[-1][:match.start()].rstrip()
    return lines


def _strip_learned_bottom(lines, profile, removed):
    """Learned furniture lines at the end, and a learned footer or trailer glued to the last paragraph."""
    if not profile.lines and not profile.openings and not profile.endings:
        return lines
    lines = list(lines)
    for _ in range(BOTTOM_LINES + 2):
        while lines and not lines[-1].strip():
            lines.pop()
        if len(lines) < 2:
            break
        last = lines[-1].strip()
        if profile.is_line(last) or profile.opening(last, "bottom"):
            removed.append(Removed("learned", last))
            lines.pop()
            continue
        cut = _glued_footer(last, profile)
        if cut is None:
            cut = profile.ending(last)
        if cut is None:
            break
        removed.append(Removed("learned", last[cut:].strip()))
        lines[-1] = last[:cut].rstrip()
    return lines


def _glued_footer(line, profile):
    """Where a learned bottom opening starts a footer after the last sentence, or None."""
    for zone, opening in sorted(profile.openings):
        if zone != "bottom":
            continue
        words = (re.escape(word).replace("0", r"\d+") for word in opening.split())
        for match in re.finditer(r"(?<=\s)" + r"\s+".join(words), line):
            start = match.start()
            if _SENTENCE_END.search(line[:start]) and len(line[start:].split()) <= FOOTER_MAX_WORDS:
                return start
    return None


def _code_start(text):
    """Where style or script code scraped with the page starts in `text`, or None."""
    match = _CODE.search(text)
    if not match:
        return None
    rest = text[match.start():]
    if len(_ARABIC.findall(rest)) > (1 - CODE_MIN_SHARE) * len(rest):
        return None
    return match.start()


def _after_sentence(kept):
    """Whether the last line kept is a sentence of the body (not the headline or a byline)."""
    last = next((line for line in reversed(kept) if line.strip()), "")
    return is_sentence(last)


def _line_kind(text):
    if _NO_WORD.match(text):
        return "punctuation"
    match = _ANY_KIND.match(text)
    if match:
        return match.lastgroup
    return "notice" if len(text) <= NOTICE_MAX_CHARS and _COOKIES.search(text) else None


def _is_related_item(text):
    """A related-news link: a short headline, not a sentence of the article."""
    return len(text.split()) <= RELATED_ITEM_MAX_WORDS and not _SENTENCE_END.search(text)
