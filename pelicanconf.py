"""Arshif site settings for local builds (`invoke build`, `invoke serve`)."""

AUTHOR = "أرشيف"
SITENAME = "أرشيف الأخبار"
SITESUBTITLE = "أرشيف عربي للأخبار قابل للبحث"
SITEURL = ""
TIMEZONE = "Africa/Cairo"
DEFAULT_LANG = "ar"

PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = []
THEME = "theme"
# Templates escape by default: titles and summaries are text that may hold "<" or '"'.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}
PLUGIN_PATHS = ["plugins"]
PLUGINS = [
    # First: the settings helper and the Pelican-internals module the others import.
    "arshif_core",
    "arshif_scale",
    "arshif_seeds",
    "arshif_theme",
    # Before arshif_search: the sitemap is written while the search index,
    # built in a child process, is still being finished.
    "pelican.plugins.sitemap",
    "arshif_search",
]

# Seeds: raw article files (and an optional manifest.tsv/.csv/.jsonl) read by
# the arshif_seeds plugin. A relative path is taken from this file's folder.
SEEDS_PATH = "seeds"
SEEDS_DEFAULT_CATEGORY = "أخبار"
# ASCII slugs chosen by hand for category, tag and source names (others get a
# transliteration plus a short hash).
ARSHIF_SLUGS = {"أخبار": "news"}
# Where the machine-readable ingest report goes (outside OUTPUT_PATH so that
# it is not deployed).
INGEST_REPORT_PATH = "ingest-report.json"

# Digits shown to readers: "arab" (٠١٢) or "latn" (012).
ARSHIF_DIGITS = "latn"
# Reader-facing names of the manifest's `category` and `source` values.
ARSHIF_CATEGORY_NAMES = {
    "investigations": "تحقيقات",
    "cases": "قضايا وحوادث",
    "accidents": "حوادث",
    "egypt": "مصر",
    "politics": "سياسة",
    "general": "عام",
    "world": "العالم",
    "mideast": "الشرق الأوسط",
    "articles": "مقالات",
}
# Tags shared by fewer articles get no page of their own.
ARSHIF_TAG_MIN_ARTICLES = 5
ARSHIF_SOURCE_NAMES = {
    "shorouknews": "الشروق",
    "officialyoum77": "اليوم السابع",
    "elfagr": "الفجر",
    "masrawy": "مصراوي",
    "ElWatanNews": "الوطن",
    "almasryalyoum": "المصري اليوم",
    "El.Dostor.News": "الدستور",
    "fjp": "الحرية والعدالة",
    "akhbarelyomgate": "بوابة أخبار اليوم",
    "Tahrir.News.Official": "التحرير",
    "cnnarabic": "CNN بالعربية",
    "Alahram.Newspaper": "الأهرام",
    "bbcarabicnews": "بي بي سي عربي",
}

# URLs: ASCII slugs made from the seed id, directories with index.html.
# An article's address depends on its seed id alone: re-filing it under another
# category never breaks a link to it.
ARTICLE_URL = "a/{slug}/"
ARTICLE_SAVE_AS = "a/{slug}/index.html"
# Articles in another language keep the same URL shape (not Pelican's {slug}-{lang}.html).
ARTICLE_LANG_URL = ARTICLE_URL
ARTICLE_LANG_SAVE_AS = ARTICLE_SAVE_AS
PAGE_URL = "pages/{slug}/"
PAGE_SAVE_AS = "pages/{slug}/index.html"
PAGE_LANG_URL = PAGE_URL
PAGE_LANG_SAVE_AS = PAGE_SAVE_AS
CATEGORY_URL = "category/{slug}/"
CATEGORY_SAVE_AS = "category/{slug}/index.html"
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = "tag/{slug}/index.html"
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_URL = "archives/"
ARCHIVES_SAVE_AS = "archives/index.html"
YEAR_ARCHIVE_URL = "archives/{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = "archives/{date:%Y}/index.html"
MONTH_ARCHIVE_URL = "archives/{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = "archives/{date:%Y}/{date:%m}/index.html"
CATEGORIES_URL = "categories/"
CATEGORIES_SAVE_AS = "categories/index.html"
TAGS_URL = "tags/"
TAGS_SAVE_AS = "tags/index.html"
# Source pages (arshif_theme): one listing per `source` value, and their index.
SOURCE_URL = "source/{slug}/"
SOURCE_SAVE_AS = "source/{slug}/index.html"
SOURCES_URL = "sources/"
SOURCES_SAVE_AS = "sources/index.html"
INDEX_URL = ""
DIRECT_TEMPLATES = ["index", "tags", "categories", "archives", "search", "notfound", "robots"]
NOTFOUND_SAVE_AS = "404.html"
NOTFOUND_URL = "404.html"
ROBOTS_SAVE_AS = "robots.txt"
ROBOTS_URL = "robots.txt"
SEARCH_SAVE_AS = "search/index.html"
SEARCH_URL = "search/"
DEFAULT_PAGINATION = 40
# Listings are paginated; a month of the corpus holds ~9,000 articles.
PAGINATED_TEMPLATES = {
    "index": None, "tag": None, "category": None, "source": None,
    "period_archives": 100,
}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)
SLUGIFY_SOURCE = "basename"
# Seeds are separate articles, never translations of each other; Pelican's
# translation matching is also quadratic in the number of articles.
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None
RELATIVE_URLS = False

FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/category/{slug}.atom.xml"
TAG_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
FEED_MAX_ITEMS = 20

SITEMAP = {
    "format": "xml",
    "exclude": [r"^404\.html$", r"^robots\.txt$", r"^search/", r"(^|/)page/\d+/", r"^tag/"],
    "priorities": {"articles": 0.5, "indexes": 0.5, "pages": 0.5},
    "changefreqs": {"articles": "monthly", "indexes": "daily", "pages": "monthly"},
}

CACHE_PATH = "cache"
CACHE_CONTENT = True
GZIP_CACHE = False
LOAD_CONTENT_CACHE = True
DELETE_OUTPUT_DIRECTORY = False
