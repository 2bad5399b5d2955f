"""Settings for the claim workbench: one module, configured from the environment.

DJANGO_DEBUG (default 0), DJANGO_SECRET_KEY (required when DEBUG is off), DJANGO_ALLOWED_HOSTS
(comma-separated) and DATABASE_URL (SQLite file beside manage.py by default; postgres://… for
PostgreSQL through psycopg 3).
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name: str, default: bool = False) -> bool:
    return os.environ.get(name, "1" if default else "0").strip().lower() in {
        "1",
        "true",
        "yes",
        "on",
    }


DEBUG = env_flag("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "Set DJANGO_SECRET_KEY (or DJANGO_DEBUG=1 for local development)."
        )
    # Only ever used with DEBUG on, on a developer's laptop.
    SECRET_KEY = "insecure-local-development-key-never-used-in-production"

ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
    if host.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",  # full-text search and trigram similarity on PostgreSQL
    "django.contrib.sitemaps",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "simple_history",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "workbench",  # project-wide commands: backup, restore
    # The apps, each importing only those above it (ARCHITECTURE.md).
    "sources",
    "claims",
    "documents",
    "exchange",
    "readers",
    # Migrations only: figures' tables, before claims took them over.
    "figures",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything reads the address: a null character in it is refused with a 400.
    "workbench.unstorable.RefuseNullCharactersMiddleware",
    # Early, so a 304 or a cached page skips the rest; the headers the others add are cached
    # with the page.
    "workbench.cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "workbench.urls"
FORM_RENDERER = "workbench.rendering.FormRenderer"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "workbench.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The task worker writes beside the web server: a write-ahead log lets readers and one
    # writer work at once, and IMMEDIATE transactions wait for the write lock instead of
    # failing with "database is locked" when a read turns into a write.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    # A write that waited longer than that for another (an import) is told so with a 503.
    MIDDLEWARE.insert(
        MIDDLEWARE.index("axes.middleware.AxesMiddleware"), "workbench.busy.DatabaseBusyMiddleware"
    )
    # Tests on SQLite use a file, not memory: the browser tests' live server answers requests
    # in several threads, and an in-memory database would be one connection shared by all.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / ".test-db.sqlite3")}

# Read replicas (README, "Scaling out"): with DATABASE_REPLICA_URL, public reads go to a
# PostgreSQL replica (workbench/replicas.py); writes, the admin, the task worker and anyone who
# wrote in the last WORKBENCH_REPLICA_LAG seconds (longer than the replica ever lags) read from
# the primary.
WORKBENCH_REPLICA_LAG = int(os.environ.get("WORKBENCH_REPLICA_LAG", "15"))
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"], conn_max_age=DATABASES["default"]["CONN_MAX_AGE"]
    )
    # Tests read "the replica" from the test database itself: no second database is made.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["workbench.replicas.ReplicaRouter"]
    # Before the page cache, so that its content version is read where the page is.
    MIDDLEWARE.insert(
        MIDDLEWARE.index("workbench.cache.PublicPageCacheMiddleware"),
        "workbench.replicas.PublicReadsMiddleware",
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

LOGIN_URL = "admin:login"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses logins while an address is locked out
    "django.contrib.auth.backends.ModelBackend",
]
# Five failed logins for one username from one address lock them out for an hour.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True

# No inline script anywhere, public pages or admin; styles and scripts come from our own origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Production hardening; all of it is inert with DEBUG on.
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = env_flag("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env_flag("DJANGO_HSTS_PRELOAD", default=not DEBUG)
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# The publishing organisation, named on public pages, in ClaimReview markup and the feed.
WORKBENCH_PUBLISHER = os.environ.get("WORKBENCH_PUBLISHER", "Claim Workbench")
# Where the public pages live: ClaimReview markup and exports carry absolute addresses on it.
WORKBENCH_SITE_URL = os.environ.get("WORKBENCH_SITE_URL", "http://127.0.0.1:8000")

# The read API: JSON only, read only, cursor-paginated, throttled per client.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_PAGINATION_CLASS": "workbench.pagination.NewestFirstCursorPagination",
    "PAGE_SIZE": 25,
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("WORKBENCH_API_ANON_RATE", "120/minute"),
        "user": os.environ.get("WORKBENCH_API_USER_RATE", "1200/minute"),
    },
    "DEFAULT_SCHEMA_CLASS": "workbench.schema.WorkbenchAutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Claim workbench read API",
    "DESCRIPTION": "Published claims, their evidence, relations and verdicts; the source "
    "registry; the verdict history. Filters are those of the public pages.",
    "VERSION": "1",
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
}

# Public pages for anonymous readers are cached and invalidated exactly on write. Without
# CACHE_URL each process keeps its own cache in memory (and the API throttle counts per
# process); CACHE_URL=redis://host:6379/0 shares both across processes and machines.
WORKBENCH_PAGE_CACHE = env_flag("WORKBENCH_PAGE_CACHE", default=True)
# Memory is bounded: at most this many pages per process, none larger than this.
WORKBENCH_PAGE_CACHE_ENTRIES = int(os.environ.get("WORKBENCH_PAGE_CACHE_ENTRIES", "500"))
WORKBENCH_PAGE_CACHE_MAX_BYTES = 256 * 1024
# Browsers and CDNs keep a public page this many seconds, then may show it this many more while
# they ask again (with its ETag: a 304 when nothing changed). Signed-in editors' pages are private.
WORKBENCH_HTTP_MAX_AGE = int(os.environ.get("WORKBENCH_HTTP_MAX_AGE", "60"))
WORKBENCH_HTTP_STALE_WHILE_REVALIDATE = int(
    os.environ.get("WORKBENCH_HTTP_STALE_WHILE_REVALIDATE", "300")
)
CACHE_URL = os.environ.get("CACHE_URL", "")


def cache_settings(url: str, *, prefix: str, max_entries: int) -> dict:
    if not url:
        return {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": prefix,
            "OPTIONS": {"MAX_ENTRIES": max_entries},
        }
    if not url.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(f"CACHE_URL must be a redis:// address, not {url!r}.")
    return {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": prefix,
    }


CACHES = {
    "default": cache_settings(CACHE_URL, prefix="workbench", max_entries=5000),
    "pages": cache_settings(
        CACHE_URL, prefix="workbench-pages", max_entries=WORKBENCH_PAGE_CACHE_ENTRIES
    ),
    # Fragments of pages ({% cache %}: the claim list's filters), which readers' choices of
    # filters multiply: in a cache of their own, like pages, so they never push out the
    # throttle's counters.
    "template_fragments": cache_settings(
        CACHE_URL, prefix="workbench-fragments", max_entries=WORKBENCH_PAGE_CACHE_ENTRIES
    ),
}

# Benchmarks only: serve /bench/bare/, a view that does no work, as the stack's ceiling.
WORKBENCH_BENCH_VIEWS = env_flag("WORKBENCH_BENCH_VIEWS")

# The most claims a public download holds; more are exported with `manage.py export_claims`.
WORKBENCH_EXPORT_MAX_CLAIMS = int(os.environ.get("WORKBENCH_EXPORT_MAX_CLAIMS", "5000"))

# Claims per page on public lists.
WORKBENCH_PAGE_SIZE = 25

# Two figures for the same thing conflict when they differ by more than this, relatively
# (0.10: more than 10% apart once their qualifiers are allowed for).
WORKBENCH_FIGURE_TOLERANCE = float(os.environ.get("WORKBENCH_FIGURE_TOLERANCE", "0.10"))

# The two-person rule: whoever wrote a grading may not approve it. Off only for one-person teams.
WORKBENCH_REQUIRE_SECOND_PERSON = env_flag("WORKBENCH_REQUIRE_SECOND_PERSON", default=True)

# A configurable admin path keeps the login page off the usual scanners' list.
WORKBENCH_ADMIN_PATH = os.environ.get("DJANGO_ADMIN_PATH", "admin").strip("/") + "/"

# Background work: tasks are rows in the database, stored in the transaction of the action that
# queued them, and run by `manage.py db_worker` (make run starts one beside the server).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Jobs (workbench/jobs.py): imports and exports the worker runs, which editors follow in the
# admin. Their files (uploads to import, exports to download) are kept here, never served as
# such, out of MEDIA_ROOT and its backups; with workers on several machines, a shared folder.
STORAGES["jobs"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": os.environ.get("WORKBENCH_JOB_FILES", BASE_DIR / "job-files")},
}
# A running job silent for this many minutes has lost its worker and is shown as stopped.
WORKBENCH_JOB_STOPPED_AFTER = int(os.environ.get("WORKBENCH_JOB_STOPPED_AFTER", "10"))
# The largest file the admin's import page accepts.
WORKBENCH_IMPORT_MAX_BYTES = int(os.environ.get("WORKBENCH_IMPORT_MAX_BYTES", 1 << 30))
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A second connection to the same database, through which a job's progress is committed
    # while its work is one transaction on the first (tests: the same test database).
    DATABASES["progress"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}

# Email to editors (workbench/mail.py). Development prints it on the worker's console;
# production names an SMTP server in the environment.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS")
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "workbench@localhost")

# Snapshots of sources' documents (documents/): where the original files are kept, and the
# largest file accepted.
MEDIA_ROOT = Path(os.environ.get("WORKBENCH_MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "media/"  # never served as such: originals are downloaded through the admin
WORKBENCH_SNAPSHOT_MAX_BYTES = int(os.environ.get("WORKBENCH_SNAPSHOT_MAX_BYTES", 20 * 1024 * 1024))
# The documents the demo is built from (load_demo keeps them as copies when they are there);
# kept beside the project, out of its repository.
WORKBENCH_DEMO_SEEDS = Path(
    os.environ.get("WORKBENCH_DEMO_SEEDS", BASE_DIR.parent / "shared" / "seeds")
)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # Django's default, said aloud: pasted text stays small
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
