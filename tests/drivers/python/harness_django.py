"""harness.py plugin: Django `DATABASES` and Flask-SQLAlchemy's legacy pool keys, with the real libraries.

Django: the fixture's `DATABASES` dict configures Django (once per process: the harness runs one fixture
per process). Each PostgreSQL alias keeps its ENGINE, OPTIONS, CONN_MAX_AGE, CONN_HEALTH_CHECKS and every
other key as written; only HOST, PORT, USER, PASSWORD and NAME point at the throwaway server. The report
says what the backend really holds and uses: its settings_dict, the libpq parameters of the live
connection, and the Django version (Debian's 3.2 has no CONN_HEALTH_CHECKS and no pool: it keeps the key
but never reads it, and hands OPTIONS["pool"] to psycopg2, which refuses it).

Flask-SQLAlchemy: harness.py builds engines only for apps and config classes that set
SQLALCHEMY_ENGINE_OPTIONS. Those that set only the legacy SQLALCHEMY_POOL_* keys are built here, the same
way, so a fixture and its fixed golden build the same engines and the report shows the ignored keys.
"""
import json
import re
import sys

ctx = None

POSTGRES_ENGINES = (
    "django.db.backends.postgresql",
    "django.db.backends.postgresql_psycopg2",
    "django.contrib.gis.db.backends.postgis",
)
FLASK_LEGACY = (
    "SQLALCHEMY_POOL_RECYCLE",
    "SQLALCHEMY_POOL_PRE_PING",
    "SQLALCHEMY_POOL_SIZE",
    "SQLALCHEMY_POOL_TIMEOUT",
    "SQLALCHEMY_MAX_OVERFLOW",
)
ENGINE_OPTIONS = "SQLALCHEMY_ENGINE_OPTIONS"
_written_hosts = {}
_MISSING = object()


def install(context):
    global ctx
    ctx = context


class Env:
    """Stands for django-environ's `env`: connection names get a placeholder (the alias is pointed at the
    throwaway server anyway), other names their default; without one the harness cannot know them."""

    def _get(self, name, default=_MISSING):
        if re.search(r"HOST|NAME|USER|PASSWORD|PORT|URL|DSN", name):
            return f"harness-{name.lower()}"
        if default is not _MISSING:
            return default
        raise AttributeError(f"the harness does not know env({name!r})")

    def __call__(self, name, default=_MISSING, cast=None):
        value = self._get(name, default)
        return cast(value) if cast and value is not None else value

    def str(self, name, default=_MISSING):
        return self._get(name, default)

    def int(self, name, default=_MISSING):
        return self._get(name, default)

    def bool(self, name, default=_MISSING):
        return self._get(name, default)


def supply(name):
    if name == "env":
        return Env()
    return None


def _json(value):
    """Settings as JSON can hold them: callables and classes by name."""
    try:
        json.dumps(value)
        return value
    except TypeError:
        if isinstance(value, dict):
            return {str(k): _json(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [_json(v) for v in value]
        return getattr(value, "__qualname__", None) or repr(value)


def engines(namespace):
    return _flask_legacy_apps(namespace) + _django_connections(namespace)


def _django_connections(namespace):
    databases = namespace.get("DATABASES")
    if not isinstance(databases, dict):
        return []
    configured = {}
    postgres = []
    for alias, entry in databases.items():
        if not isinstance(entry, dict):
            configured[alias] = entry
            continue
        entry = dict(entry)
        if entry.get("ENGINE") in POSTGRES_ENGINES:
            # Without HOST, libpq takes the host from OPTIONS.
            options = entry.get("OPTIONS") if isinstance(entry.get("OPTIONS"), dict) else {}
            _written_hosts[alias] = entry.get("HOST") or options.get("host") or entry.get("HOST")
            entry.update(
                HOST=ctx.target["host"],
                PORT=ctx.target["port"],
                USER=ctx.target["user"],
                PASSWORD=ctx.target["password"],
                NAME=ctx.target["dbname"],
            )
            postgres.append(alias)
        configured[alias] = entry
    if not postgres:
        return []
    import django
    from django.conf import settings

    settings.configure(DATABASES=configured, USE_TZ=True, INSTALLED_APPS=[])
    django.setup()
    from django.db import connections

    return [("django", connections[alias]) for alias in postgres]


def describe(kind, obj):
    if kind == "flask_legacy":
        return _describe_flask_legacy(obj)
    if kind != "django":
        return None
    import django

    conn = obj
    with conn.cursor() as cursor:
        cursor.execute("SELECT 1")
        select1 = cursor.fetchone()[0]
    settings_dict = conn.settings_dict
    pool = getattr(conn, "pool", None)  # Django 5.1+ with OPTIONS["pool"]
    raw = conn.connection
    libpq = raw.get_dsn_parameters() if hasattr(raw, "get_dsn_parameters") else dict(raw.info.get_parameters())
    report = {
        "kind": "django",
        "driver": conn.Database.__name__,
        "poolClass": type(pool).__name__ if pool is not None else "",
        "prePing": bool(getattr(conn, "health_check_enabled", False)),
        "recycle": None,
        "select1": select1,
        "libpq": {k: str(v) for k, v in libpq.items()},
        "django": {
            "version": django.get_version(),
            "alias": conn.alias,
            "host": _written_hosts.get(conn.alias),
            # What the backend holds; Django before 4.1 keeps CONN_HEALTH_CHECKS without reading it.
            "settings": {
                "CONN_MAX_AGE": settings_dict.get("CONN_MAX_AGE"),
                "CONN_HEALTH_CHECKS": settings_dict.get("CONN_HEALTH_CHECKS"),
                "OPTIONS": _json(settings_dict.get("OPTIONS", {})),
            },
            # What it uses: Django 4.1+ only (None before).
            "healthCheckEnabled": getattr(conn, "health_check_enabled", None),
            "poolCheck": (getattr(pool, "_check", None) is not None) if pool is not None else None,
        },
    }
    conn.close()
    return report


def _has_legacy(keys, own):
    return any(k in keys for k in FLASK_LEGACY) and ENGINE_OPTIONS not in own


def _flask_legacy_apps(namespace):
    """Apps and config classes configured by the legacy keys alone, built as harness.py builds the
    others. Building an engine also reports it as a plain `sync` engine first (Flask-SQLAlchemy goes
    through the patched create_engine), as harness.py's own Flask engines are reported."""
    try:
        from flask import Flask
        from flask_sqlalchemy import SQLAlchemy
    except ImportError:
        return []
    harness = sys.modules["__main__"]
    apps = []
    for value in list(namespace.values()):
        if isinstance(value, Flask) and _has_legacy(value.config, value.config):
            apps.append(value)
        elif isinstance(value, type) and _has_legacy(vars(value), vars(value)):
            app = Flask("harness")
            app.config.from_object(value)
            apps.append(app)
    out = []
    for app in apps:
        legacy = {k: app.config[k] for k in FLASK_LEGACY if k in app.config}
        app.config.setdefault("SQLALCHEMY_DATABASE_URI", str(ctx.test_url))
        app.config["SQLALCHEMY_DATABASE_URI"] = str(harness.retarget(app.config["SQLALCHEMY_DATABASE_URI"]))
        db = SQLAlchemy()
        db.init_app(app)
        with app.app_context():
            engine = db.engine
        out += [(kind, obj) for kind, obj in ctx.built if obj is engine]
        out.append(("flask_legacy", (engine, legacy)))
    return out


def _describe_flask_legacy(built):
    engine, legacy = built
    report = sys.modules["__main__"].describe("flask", engine)
    report["flask"] = {"legacyKeys": _json(legacy)}
    return report
