"""Articles per month (per week over a short span) as an inline SVG bar chart.

Drawn at build time so that a reader sees when a name or an outlet was in the
news without JavaScript. Time runs right to left, as the page reads; colours
come from the theme's CSS classes (the CSP forbids style attributes). The
counts per period are also written as text (`<desc>` and the caption), and
undated articles, which have no place on the axis, are only counted there.
"""

import datetime

from markupsafe import Markup, escape

from .arabic import MONTHS, count, digits, is_undated

# Spans shorter than this are drawn per week: a month or two is one or two bars.
SHORT_SPAN_DAYS = 92
WIDTH, HEIGHT = 480, 150
TOP, BOTTOM = 22, 36          # room for counts above bars and labels below
PAD = 24                      # room at both ends for the labels of the end bars
SATURDAY = 5                  # weeks start on Saturday, as in the Arab world


def _n(value):
    """A coordinate with one decimal at most (short markup, the same on every machine)."""
    return f"{round(value, 1):g}"


def _week_start(day):
    return day - datetime.timedelta(days=(day.weekday() - SATURDAY) % 7)


def _next_month(day):
    return day.replace(year=day.year + day.month // 12, month=day.month % 12 + 1, day=1)


def periods(days):
    """("month" or "week", [(first day of period, number of articles)…]) oldest first.

    Every period between the first and the last is there, empty ones too: a
    gap in the news is part of the story.
    """
    if not days:
        return "month", []
    first, last = min(days), max(days)
    if (last - first).days < SHORT_SPAN_DAYS:
        unit, start, step = "week", _week_start, lambda d: d + datetime.timedelta(days=7)
    else:
        unit, start, step = "month", lambda d: d.replace(day=1), _next_month
    counts = {}
    for day in days:
        key = start(day)
        counts[key] = counts.get(key, 0) + 1
    bins, current = [], start(first)
    while current <= last:
        bins.append((current, counts.get(current, 0)))
        current = step(current)
    return unit, bins


def period_name(unit, day, system="latn"):
    """«يناير 2013», or «أسبوع 5 يناير 2013» for the week starting that day."""
    month = f"{MONTHS[day.month - 1]} {day.year}"
    return digits(month if unit == "month" else f"أسبوع {day.day} {month}", system)


def _labels(unit, bins):
    """{bar index: (first line, second line)} of the bars labelled below the axis.

    Every month when there are few; else every quarter, or January and July;
    else years only: month names are wider than thin bars.
    """
    n = len(bins)
    shown = {}
    for i, (day, _) in enumerate(bins):
        opens = i == 0 or bins[i - 1][0].month != day.month
        year = str(day.year) if i == 0 or day.month == 1 else ""
        if unit == "week":
            shown[i] = (str(day.day), MONTHS[day.month - 1] if opens else "")
        elif n <= 6 or (i == 0 and n <= 60) or (n <= 24 and day.month in (1, 4, 7, 10)) \
                or (n <= 60 and day.month in (1, 7)):
            shown[i] = (MONTHS[day.month - 1], year)
        elif year:
            shown[i] = (year, "")
    return shown


def chart(articles, system="latn", ident="timeline"):
    """The chart of *articles* as HTML (a figure with an SVG and its caption); "" when none is dated."""
    days = [a.date.date() for a in articles if not is_undated(a)]
    undated = len(articles) - len(days)
    unit, bins = periods(days)
    if not bins:
        return Markup("")
    n = len(bins)
    most = max(c for _, c in bins)
    slot = (WIDTH - 2 * PAD) / n
    gap = min(slot * 0.2, 4)
    plot = HEIGHT - TOP - BOTTOM
    title = "عدد المقالات في كل " + ("شهر" if unit == "month" else "أسبوع")
    parts = [
        f'<svg class="timeline-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{ident}-title" aria-describedby="{ident}-desc" focusable="false">',
        f'<title id="{ident}-title">{title}</title>',
        f'<desc id="{ident}-desc">{escape(_description(unit, bins, undated, system))}</desc>',
        f'<line class="timeline-axis" x1="{PAD}" y1="{HEIGHT - BOTTOM}" x2="{WIDTH - PAD}" y2="{HEIGHT - BOTTOM}"/>',
    ]
    if n > 14:  # the counts do not fit above thin bars: one line at the highest
        parts.append(f'<line class="timeline-grid" x1="{PAD}" y1="{TOP}" x2="{WIDTH - PAD}" y2="{TOP}"/>'
                     f'<text class="timeline-count" x="2" y="{TOP - 6}" text-anchor="end" '
                     f'direction="rtl">{digits(most, system)}</text>')
    labels = _labels(unit, bins)
    for i, (day, number) in enumerate(bins):
        x = WIDTH - PAD - (i + 1) * slot  # the oldest period at the right
        middle = _n(x + slot / 2)
        if number:
            height = max(plot * number / most, 1)
            parts.append(f'<rect class="timeline-bar" x="{_n(x + gap / 2)}" '
                         f'y="{_n(HEIGHT - BOTTOM - height)}" width="{_n(slot - gap)}" '
                         f'height="{_n(height)}"/>')
            if n <= 14:
                parts.append(f'<text class="timeline-count" x="{middle}" y="{_n(HEIGHT - BOTTOM - height - 5)}" '
                             f'text-anchor="middle">{digits(number, system)}</text>')
        if i in labels:
            first, second = labels[i]
            for line, text in ((1, first), (2, second)):
                if text:
                    parts.append(f'<text class="timeline-label" x="{middle}" y="{HEIGHT - BOTTOM + 15 * line}" '
                                 f'text-anchor="middle">{digits(text, system)}</text>')
    parts.append("</svg>")
    caption = _caption(unit, bins, undated, system)
    return Markup(f'<figure class="timeline" data-role="timeline">{"".join(parts)}'
                  f'<figcaption>{escape(caption)}</figcaption></figure>')


def _caption(unit, bins, undated, system):
    dated = sum(c for _, c in bins)
    text = f"{count(dated, 'article', system)} من {period_name('month', bins[0][0], system)}"
    if bins[-1][0].replace(day=1) != bins[0][0].replace(day=1) or unit == "week":
        end = bins[-1][0] if unit == "month" else bins[-1][0] + datetime.timedelta(days=6)
        text += f" إلى {period_name('month', end, system)}"
    if undated:
        text += f"، و {digits(undated, system)} غير مؤرخ"
    return text


def _description(unit, bins, undated, system):
    """Every period with articles and its count; undated ones at the end."""
    listed = [f"{period_name(unit, day, system)}: {digits(n, system)}" for day, n in bins if n]
    text = "، ".join(listed)
    if undated:
        text += f"، و {digits(undated, system)} غير مؤرخ"
    return text
