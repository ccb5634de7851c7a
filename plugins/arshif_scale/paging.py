"""Which articles a listing's page holds: pages counted from the oldest end.

Pelican fills a listing's pages from the newest end: one article added at
the top moves one article onto every page, and every page of the front
page, its category, source, month and tags is rendered again. Here the
first page (the listing's own address) holds the newest articles, between
one and two pages' worth, and every other page holds `per_page` articles
and is named by its place from the oldest end (`page_label`): a newer
article lands on the first page and leaves the others as they were, until
the first page holds two pages' worth and a new page splits off.

Readers still count from the newest end: page `number` 1 is the first
page, 2 the next older one. The pure functions below decide; `StablePaginator`
gives templates Pelican's paginator and pages with them (the writer uses it,
`arshif_core.pelican_compat.listing_pages`).
"""

from pelican.paginator import Page, Paginator


def page_count(count, per_page):
    """How many pages a listing of `count` articles has (at least one)."""
    return max(1, count // per_page) if per_page else 1


def page_bounds(count, per_page, number):
    """[start, stop) of page `number` (1: the newest) in the newest-first list."""
    pages = page_count(count, per_page)
    if number == 1:
        return 0, count - (pages - 1) * per_page
    start = count - (pages - number + 1) * per_page
    return start, start + per_page


def page_label(count, per_page, number):
    """The number in the address of page `number`: 1 for the first page, else its
    place from the oldest end plus one (the oldest page is 2), which a newer
    article does not change."""
    return 1 if number == 1 else page_count(count, per_page) - number + 2


class StablePaginator(Paginator):
    """Pelican's paginator over pages counted from the oldest end (orphans are
    the first page's: it takes up to two pages' worth)."""

    def __init__(self, name, url, object_list, settings, per_page=None):
        super().__init__(name, url, object_list, settings, per_page)
        self.orphans = 0

    @property
    def num_pages(self):
        return page_count(self.count, self.per_page)

    def page(self, number):
        start, stop = page_bounds(self.count, self.per_page, number)
        return StablePage(self.name, self.url, self.object_list[start:stop], number, self, self.settings,
                          start=start, label=page_label(self.count, self.per_page, number))


class StablePage(Page):
    """A page whose address carries its `label`, not its number from the newest end."""

    def __init__(self, name, url, object_list, number, paginator, settings, start, label):
        super().__init__(name, url, object_list, number, paginator, settings)
        self.start, self.label = start, label

    def start_index(self):
        return self.start + 1 if self.object_list else 0

    def end_index(self):
        return self.start + len(self.object_list)

    def _address(self, key):
        """PAGINATION_PATTERNS' last rule whose minimum page this page reaches
        (-1: the last page), formatted with the label as `number`."""
        rule = None
        for minimum, *patterns in self.settings["PAGINATION_PATTERNS"]:
            if minimum == -1:
                if not self.has_next():
                    rule = patterns
                    break
            elif minimum <= self.number:
                rule = patterns
        if rule is None:
            return ""
        pattern = rule[0 if key == "URL" else 1]
        address = pattern.format(save_as=self.full_name, url=self.base_url, name=self.name,
                                 base_name=self.base_name, extension=self.extension, number=self.label)
        # One leading slash is dropped, as Pelican does (a second one keeps a root-relative address).
        return address[1:] if address.startswith("/") else address

    @property
    def url(self):
        return self._address("URL")

    @property
    def save_as(self):
        return self._address("SAVE_AS")
