"""Runs one Python fixture with the real drivers against a throwaway PostgreSQL and reports, as JSON,
every engine it built: whether it connects and runs SELECT 1, and the settings its pool really uses.

Usage: /usr/bin/python3 harness.py FIXTURE.py   (env: DATABASE_URL, the throwaway server)

The fixture's own host, port, user, password and database are pointed at the throwaway server; its
driver, URL query and keyword arguments are kept, so the driver sees exactly what the fixture asks for.
Names a fixture uses without defining (DATABASE_URL, settings.db_url, os.environ[...]) are supplied.
"""
import ast
import asyncio
import builtins
import json
import os
import re
import sys
import traceback
import types

import sqlalchemy
import sqlalchemy.ext.asyncio as sa_asyncio
import sqlalchemy.pool as sa_pool
from sqlalchemy import text
from sqlalchemy.engine import make_url

TEST_URL = make_url(os.environ["DATABASE_URL"])
_create_engine = sqlalchemy.create_engine
_create_async_engine = sa_asyncio.create_async_engine
built = []


def retarget(url, async_default=False):
    url = make_url(url) if isinstance(url, str) else url
    if not url.drivername.startswith("postgresql"):
        return url  # SQLite and friends run as they are; `postgres://` keeps SQLAlchemy's own error
    if async_default and url.drivername == "postgresql":
        url = url.set(drivername="postgresql+asyncpg")
    # Multi-host URLs (`?host=pg1:5432&host=pg2:5432`) name their hosts in the query.
    url = url.difference_update_query(["host", "port"])
    return url.set(
        host=TEST_URL.host,
        port=TEST_URL.port,
        username=TEST_URL.username,
        password=TEST_URL.password,
        database=TEST_URL.database,
    )


def create_engine(url, *args, **kwargs):
    engine = _create_engine(retarget(url), *args, **kwargs)
    built.append(("sync", engine))
    fixture_hosts[id(engine)] = url_hosts(url)
    return engine


def create_async_engine(url, *args, **kwargs):
    engine = _create_async_engine(retarget(url, async_default=True), *args, **kwargs)
    built.append(("async", engine))
    return engine


sqlalchemy.create_engine = create_engine
sa_asyncio.create_async_engine = create_async_engine


def engine_from_config(configuration, prefix="sqlalchemy.", **kwargs):
    """SQLAlchemy's own engine_from_config (its string coercion included), building through the
    patched create_engine so the engine is retargeted and reported like any other."""
    import sqlalchemy.engine.create as sa_create

    original = sa_create.create_engine
    sa_create.create_engine = create_engine
    try:
        return _engine_from_config(configuration, prefix, **kwargs)
    finally:
        sa_create.create_engine = original


_engine_from_config = sqlalchemy.engine_from_config
sqlalchemy.engine_from_config = engine_from_config

# --- Raw libpq drivers: psycopg2 / psycopg connections, psycopg_pool and psycopg2.pool pools. ---
# Their host, port, user, password and database are pointed at the throwaway server; every other
# libpq parameter (keepalives, timeouts, target_session_attrs…) reaches libpq exactly as written.
# `fixture_hosts` keeps the hosts the fixture itself named (None: the fixture did not show them), so
# checks can tell a Unix-socket or environment-provided target from a TCP one.
fixture_hosts = {}
reopen = {}


def called_by_fixture():
    """True when the fixture itself calls the driver (not SQLAlchemy or a pool on its behalf)."""
    return sys._getframe(2).f_globals.get("__name__") == "fixture"
TARGET = {
    "host": TEST_URL.host,
    "port": str(TEST_URL.port),
    "user": TEST_URL.username,
    "password": TEST_URL.password,
    "dbname": TEST_URL.database,
}


def url_hosts(url):
    if isinstance(url, str) and url == str(TEST_URL):
        return None  # supplied by the harness: the fixture does not show its target
    url = make_url(url) if isinstance(url, str) else url
    hosts = url.query.get("host")
    if hosts is not None:
        return list(hosts) if isinstance(hosts, tuple) else [hosts]
    return [url.host or ""]


def dsn_hosts(dsn, params):
    if dsn is not None and str(dsn) == str(TEST_URL):
        return None
    host = params.get("host", "")
    return str(host).split(",")


def libpq_target(parse, make, dsn, kwargs):
    """Merges a DSN and keyword arguments as the driver does, then retargets them."""
    params = dict(parse(dsn)) if dsn else {}
    params.update({k: v for k, v in kwargs.items() if v is not None})
    if "database" in params:  # psycopg2's alias, as SQLAlchemy passes it
        params["dbname"] = params.pop("database")
    hosts = dsn_hosts(dsn, params)
    for key in ("hostaddr", "service"):
        params.pop(key, None)
    params.update(TARGET)
    return make(**{k: str(v) for k, v in params.items()}), hosts


try:
    import psycopg2
    import psycopg2.extensions
    import psycopg2.pool

    _psycopg2_connect = psycopg2.connect

    def _psycopg2_target(dsn, kwargs):
        return libpq_target(psycopg2.extensions.parse_dsn, psycopg2.extensions.make_dsn, dsn, kwargs)

    def psycopg2_connect(dsn=None, connection_factory=None, cursor_factory=None, **kwargs):
        target, hosts = _psycopg2_target(dsn, kwargs)
        conn = _psycopg2_connect(target, connection_factory=connection_factory, cursor_factory=cursor_factory)
        if called_by_fixture():
            built.append(("psycopg2", conn))
            fixture_hosts[id(conn)] = hosts
            reopen[id(conn)] = lambda: _psycopg2_connect(target)
        return conn

    psycopg2.connect = psycopg2_connect

    def _psycopg2_pool(base):
        class Pool(base):
            def __init__(self, minconn, maxconn, *args, **kwargs):
                dsn = kwargs.pop("dsn", args[0] if args else None)
                super().__init__(minconn, maxconn, dsn, **kwargs)
                built.append(("psycopg2_pool", self))
                fixture_hosts[id(self)] = _psycopg2_target(dsn, kwargs)[1]

        Pool.__name__ = base.__name__
        return Pool

    for _name in ("SimpleConnectionPool", "ThreadedConnectionPool", "PersistentConnectionPool"):
        if hasattr(psycopg2.pool, _name):  # PersistentConnectionPool is gone in psycopg2 2.9
            setattr(psycopg2.pool, _name, _psycopg2_pool(getattr(psycopg2.pool, _name)))
except ImportError:
    pass

try:
    import psycopg
    import psycopg.conninfo

    _psycopg_connect = psycopg.connect

    def _psycopg_target(conninfo, kwargs):
        return libpq_target(psycopg.conninfo.conninfo_to_dict, psycopg.conninfo.make_conninfo, conninfo, kwargs)

    def psycopg_connect(conninfo="", *, autocommit=False, **kwargs):
        driver_args = {k: kwargs.pop(k) for k in ("prepare_threshold", "row_factory", "cursor_factory", "context") if k in kwargs}
        target, hosts = _psycopg_target(conninfo, kwargs)
        conn = _psycopg_connect(target, autocommit=autocommit, **driver_args)
        if called_by_fixture():
            built.append(("psycopg", conn))
            fixture_hosts[id(conn)] = hosts
            reopen[id(conn)] = lambda: _psycopg_connect(target)
        return conn

    psycopg.connect = psycopg_connect
except ImportError:
    pass

try:
    import psycopg_pool

    def _psycopg_pool(base, is_async):
        class Pool(base):
            def __init__(self, conninfo="", *args, kwargs=None, **rest):
                target, hosts = _psycopg_target(conninfo, kwargs or {})
                if is_async:
                    rest["open"] = False  # opened inside the event loop by describe()
                super().__init__(target, *args, **rest)
                built.append(("psycopg_pool", self))
                fixture_hosts[id(self)] = hosts

        Pool.__name__ = base.__name__
        return Pool

    psycopg_pool.ConnectionPool = _psycopg_pool(psycopg_pool.ConnectionPool, False)
    psycopg_pool.AsyncConnectionPool = _psycopg_pool(psycopg_pool.AsyncConnectionPool, True)
except ImportError:
    pass


# --- Plugins: raw asyncpg (harness_asyncpg.py) and Django (harness_django.py) live in modules of their
# own next to this file. Each exposes install(ctx) and may expose supply(name) -> value | None,
# engines(namespace) -> [(kind, obj)], describe(kind, obj) -> report | None (None: not its kind).
class PluginContext:
    def __init__(self):
        self.test_url = TEST_URL
        self.target = TARGET
        self.built = built
        self.fixture_hosts = fixture_hosts
        self.called_by_fixture = called_by_fixture


sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
PLUGINS = []
for _module in ("harness_asyncpg", "harness_django"):
    try:
        _plugin = __import__(_module)
    except ModuleNotFoundError as _error:
        if _error.name != _module:
            raise
        continue
    _plugin.install(PluginContext())
    PLUGINS.append(_plugin)


def plugin_call(hook, *args):
    for plugin in PLUGINS:
        fn = getattr(plugin, hook, None)
        value = fn(*args) if fn else None
        if value is not None:
            return value
    return None


def versions():
    out = {}
    for module in ("sqlalchemy", "psycopg2", "psycopg", "psycopg_pool", "asyncpg", "django", "flask_sqlalchemy"):
        try:
            out[module] = __import__(module).__version__.split(" ")[0]
        except Exception:  # not installed
            pass
    return out


def plain_cursor(conn):
    """A tuple-row cursor, whatever cursor_factory / row_factory the fixture chose (RealDictCursor…)."""
    if hasattr(conn, "get_dsn_parameters"):  # psycopg2
        import psycopg2.extensions

        return conn.cursor(cursor_factory=psycopg2.extensions.cursor)
    import psycopg.rows

    return conn.cursor(row_factory=psycopg.rows.tuple_row)


def describe_raw(kind, obj):
    """A psycopg2 / psycopg connection or pool built by the fixture: connect, SELECT 1, parameters."""
    report = {"kind": kind, "prePing": False, "recycle": None, "fixtureHosts": fixture_hosts.get(id(obj))}
    if kind in ("psycopg2", "psycopg"):
        # `with psycopg.connect(...) as conn:` has closed it by now: the same parameters again.
        conn = reopen[id(obj)]() if obj.closed else obj
        report.update(driver=kind, poolClass="")
        cur = plain_cursor(conn)
        cur.execute("SELECT 1")
        report["select1"] = cur.fetchone()[0]
        report["libpq"] = libpq_parameters(conn)
        conn.close()
    elif kind == "psycopg2_pool":
        report.update(driver="psycopg2", poolClass=type(obj).__name__)
        report["pool"] = {"minSize": obj.minconn, "maxSize": obj.maxconn}
        conn = obj.getconn()
        cur = plain_cursor(conn)
        cur.execute("SELECT 1")
        report["select1"] = cur.fetchone()[0]
        report["libpq"] = libpq_parameters(conn)
        obj.putconn(conn)
        obj.closeall()
    else:  # psycopg_pool
        report.update(driver="psycopg", poolClass=type(obj).__name__)
        report["pool"] = {
            "minSize": obj.min_size,
            "maxSize": obj.max_size,
            "maxLifetime": obj.max_lifetime,
            "maxIdle": obj.max_idle,
            "check": getattr(obj, "_check", None) is not None,
        }

        def use(conn):
            report["select1"] = conn.execute("SELECT 1").fetchone()[0]
            report["libpq"] = libpq_parameters(conn)

        if type(obj).__name__.startswith("Async"):

            async def probe():
                await obj.open(wait=True)
                async with obj.connection() as conn:
                    cur = await conn.execute("SELECT 1")
                    report["select1"] = (await cur.fetchone())[0]
                    report["libpq"] = libpq_parameters(conn)
                await obj.close()

            asyncio.run(probe())
        else:
            obj.wait()
            with obj.connection() as conn:
                use(conn)
            obj.close()
    return report


class Settings:
    """Stands for a settings object: URL-ish attributes are the test URL, anything else is unknown."""

    def __getattr__(self, name):
        if re.search(r"url|uri|dsn", name, re.I):
            return str(TEST_URL)
        raise AttributeError(f"the harness does not know settings.{name}")


def undefined_names(tree):
    loaded, defined = set(), set(dir(builtins))
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (loaded if isinstance(node.ctx, ast.Load) else defined).add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            defined.add(node.name)
        elif isinstance(node, ast.arg):
            defined.add(node.arg)
        elif isinstance(node, ast.alias):
            defined.add((node.asname or node.name).split(".")[0])
    return loaded - defined


def supply(name, objects=frozenset()):
    """What the harness gives a name the fixture uses without defining it. A URL-ish name is the test
    URL, unless the fixture uses it as an object (`URL.create(...)`, `dj_database_url.config(...)`)."""
    if re.search(r"url|uri|dsn", name, re.I) and name not in objects:
        return str(TEST_URL)
    known = {
        "settings": Settings(),
        "config": Settings(),
        "os": os,
        "sa": sqlalchemy,
        "sqlalchemy": sqlalchemy,
        "pool": sa_pool,
        "create_engine": create_engine,
        "create_async_engine": create_async_engine,
        "engine_from_config": engine_from_config,
        "URL": sqlalchemy.engine.URL,
        "NullPool": sa_pool.NullPool,
        "QueuePool": sa_pool.QueuePool,
        "StaticPool": sa_pool.StaticPool,
    }
    if name == "app":
        from flask import Flask

        return Flask("harness")
    value = known.get(name)
    return value if value is not None else plugin_call("supply", name)


def flask_engines(namespace):
    """Engines that Flask-SQLAlchemy builds from the fixture's apps, config classes and extensions."""
    try:
        from flask import Flask
        from flask_sqlalchemy import SQLAlchemy
    except ImportError:
        return []
    out = []

    def engine_of(app, db=None):
        app.config.setdefault("SQLALCHEMY_DATABASE_URI", str(TEST_URL))
        app.config["SQLALCHEMY_DATABASE_URI"] = str(retarget(app.config["SQLALCHEMY_DATABASE_URI"]))
        db = db or SQLAlchemy()
        db.init_app(app)
        with app.app_context():
            out.append(("flask", db.engine))

    values = list(namespace.values())
    apps = [v for v in values if isinstance(v, Flask) and "SQLALCHEMY_ENGINE_OPTIONS" in v.config]
    for app in apps:
        engine_of(app)
    for value in values:
        if isinstance(value, type) and "SQLALCHEMY_ENGINE_OPTIONS" in vars(value):
            app = Flask("harness")
            app.config.from_object(value)
            engine_of(app)
        elif isinstance(value, SQLAlchemy) and not getattr(value, "_app_engines", None):
            engine_of(Flask("harness"), value)
    return out


def describe(kind, engine):
    sync_engine = engine.sync_engine if kind == "async" else engine
    pool = sync_engine.pool
    report = {
        "kind": kind,
        "driver": sync_engine.dialect.driver,
        "poolClass": type(pool).__name__,
        "prePing": bool(getattr(pool, "_pre_ping", False)),
        "recycle": getattr(pool, "_recycle", None),
        "pool": pool_settings(pool),
    }
    if kind == "async":

        async def probe():
            async with engine.connect() as conn:
                value = (await conn.execute(text("SELECT 1"))).scalar()
                raw = await conn.get_raw_connection()
                config = getattr(getattr(raw, "driver_connection", None), "_config", None)
                if config is not None:  # asyncpg: the connection's own settings
                    report["asyncpg"] = {"command_timeout": config.command_timeout}
            await engine.dispose()
            return value

        report["select1"] = asyncio.run(probe())
    else:
        report["fixtureHosts"] = fixture_hosts.get(id(engine))
        with engine.connect() as conn:
            report["select1"] = conn.execute(text("SELECT 1")).scalar()
            raw = conn.connection.dbapi_connection if hasattr(conn.connection, "dbapi_connection") else conn.connection.connection
            params = libpq_parameters(raw)
            if params is not None:
                report["libpq"] = params
        engine.dispose()
    return report


def pool_settings(pool):
    """What a SQLAlchemy pool holds: size, overflow, timeout (None for pools without them)."""
    out = {}
    for name, attr in (("size", "_pool"), ("maxOverflow", "_max_overflow"), ("timeout", "_timeout")):
        value = getattr(pool, attr, None)
        if name == "size" and value is not None:
            value = getattr(value, "maxsize", None)
        out[name] = value if isinstance(value, (int, float, str, bool)) or value is None else str(value)
    return out


def libpq_parameters(raw):
    """The parameters libpq applied to a live psycopg2 / psycopg connection, or None for other drivers."""
    if hasattr(raw, "get_dsn_parameters"):  # psycopg2
        return {k: str(v) for k, v in raw.get_dsn_parameters().items()}
    info = getattr(raw, "info", None)
    if info is not None and hasattr(info, "get_parameters"):  # psycopg 3
        return {k: str(v) for k, v in info.get_parameters().items()}
    return None


def main(path):
    source = open(path, encoding="utf-8").read()
    result = {"ok": False, "engines": [], "versions": versions()}
    # Fixtures may `await` at module level (asyncpg pools, connections). The module and the description
    # of what it built share one event loop: asyncpg pools and connections are bound to theirs.
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        tree = ast.parse(source, path)
        for name in re.findall(r"os\.(?:environ\[|getenv\(|environ\.get\()\s*['\"](\w+)['\"]", source):
            os.environ[name] = str(TEST_URL)
        namespace = {"__name__": "fixture", "__file__": path}
        objects = {
            node.value.id
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
        }
        for name in undefined_names(tree):
            value = supply(name, objects)
            if value is not None:
                namespace[name] = value
        code = compile(tree, path, "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
        module = eval(code, namespace)  # a coroutine when the module awaits at top level
        if asyncio.iscoroutine(module):
            loop.run_until_complete(module)
        engines = built + flask_engines(namespace)
        for plugin in PLUGINS:
            if hasattr(plugin, "engines"):
                engines += plugin.engines(namespace)
        result["engines"] = [
            describe(kind, engine)
            if kind in ("sync", "async", "flask")
            else plugin_call("describe", kind, engine) or describe_raw(kind, engine)
            for kind, engine in engines
        ]
        result["ok"] = True
    except Exception as error:  # the report says what failed; the test decides what it means
        result["error"] = f"{type(error).__name__}: {error}"
        result["traceback"] = traceback.format_exc(limit=3)
    finally:
        if not loop.is_closed():
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
