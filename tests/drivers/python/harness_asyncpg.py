"""Raw asyncpg for the driver harness (a plugin of harness.py).

`asyncpg.connect` and `asyncpg.create_pool`, when the fixture itself calls them, are pointed at the
throwaway server: host, port, user, password and database change; every other keyword and every DSN
query parameter reaches asyncpg exactly as written, so a libpq key or a non-string server setting
fails here as it fails in production. The report says what asyncpg really uses, read from the live
objects: the pool's sizes and idle lifetime, the connection's command_timeout and connect timeout,
the server settings it sent and what the server shows for them, and the timeouts the fixture's own
`pool.acquire()` calls passed.
"""
import asyncio
import sys
import urllib.parse

try:
    import asyncpg
    import asyncpg.pool
except ImportError:  # no asyncpg here: the plugin does nothing
    asyncpg = None

ctx = None
# id(object the fixture got) -> how to build the same object again (a `with` block closed it)
reopen = {}
# id(pool) -> the timeouts the fixture passed to pool.acquire(), in call order
acquire_timeouts = {}
TARGET_KEYS = ("host", "port", "user", "password", "database")
DSN_TARGET_KEYS = {"host", "port", "user", "password", "dbname", "database"}


def install(context):
    global ctx
    ctx = context
    if asyncpg is None:
        return
    real_connect, real_create_pool, real_acquire = asyncpg.connect, asyncpg.create_pool, asyncpg.pool.Pool.acquire

    def connect(dsn=None, *args, **kwargs):
        # Called synchronously by the fixture's line, so the caller's frame is still the fixture's.
        if not ctx.called_by_fixture():
            return real_connect(dsn, *args, **kwargs)
        target_dsn, target_kwargs, hosts = retarget(dsn, kwargs)

        async def run():
            con = await real_connect(target_dsn, *args, **target_kwargs)
            ctx.built.append(("asyncpg", con))
            ctx.fixture_hosts[id(con)] = hosts
            reopen[id(con)] = lambda: real_connect(target_dsn, *args, **target_kwargs)
            return con

        return run()

    def create_pool(dsn=None, *args, **kwargs):
        if not ctx.called_by_fixture():
            return real_create_pool(dsn, *args, **kwargs)
        target_dsn, target_kwargs, hosts = retarget(dsn, kwargs)
        pool = real_create_pool(target_dsn, *args, **target_kwargs)
        ctx.built.append(("asyncpg_pool", pool))
        ctx.fixture_hosts[id(pool)] = hosts
        reopen[id(pool)] = lambda: real_create_pool(target_dsn, *args, **target_kwargs)
        return pool

    def acquire(self, *, timeout=None):
        if ctx.called_by_fixture():
            acquire_timeouts.setdefault(id(self), []).append(timeout)
        return real_acquire(self, timeout=timeout)

    asyncpg.connect = connect
    asyncpg.create_pool = create_pool
    asyncpg.pool.Pool.acquire = acquire


def supply(name):
    return asyncpg if name == "asyncpg" else None


def fixture_hosts(dsn, kwargs):
    """The hosts the fixture named (None: it did not show them, e.g. a DSN from the environment)."""
    host = kwargs.get("host")
    if host is not None:
        return [str(h) for h in host] if isinstance(host, (list, tuple)) else [str(host)]
    if dsn is None or str(dsn) == str(ctx.test_url):
        return None
    parts = urllib.parse.urlsplit(str(dsn))
    netloc = parts.netloc.rpartition("@")[2]
    query = dict(urllib.parse.parse_qsl(parts.query))
    spec = netloc or query.get("host", "")
    return [h.rpartition(":")[0] if ":" in h and not h.startswith("/") else h for h in spec.split(",") if h] or None


def retarget(dsn, kwargs):
    """The fixture's DSN and keywords with only the server swapped for the throwaway one."""
    t = ctx.target
    hosts = fixture_hosts(dsn, kwargs)
    kwargs = {k: v for k, v in kwargs.items() if k not in TARGET_KEYS}
    auth = f"{urllib.parse.quote(t['user'], safe='')}:{urllib.parse.quote(t['password'], safe='')}"
    netloc = f"{auth}@{t['host']}:{t['port']}"
    if dsn is None:
        return f"postgresql://{netloc}/{t['dbname']}", kwargs, hosts
    parts = urllib.parse.urlsplit(str(dsn))
    # Query parameters stay byte for byte, except those that name the server.
    query = "&".join(
        part
        for part in parts.query.split("&")
        if part and urllib.parse.unquote(part.partition("=")[0]) not in DSN_TARGET_KEYS
    )
    dsn = urllib.parse.urlunsplit((parts.scheme, netloc, f"/{t['dbname']}", query, parts.fragment))
    return dsn, kwargs, hosts


def target_session_attrs(params):
    value = getattr(params, "target_session_attrs", None)
    value = getattr(value, "value", value)
    return None if value is None else str(value)


async def connection_facts(con):
    params, config = con._params, con._config
    settings = dict(params.server_settings or {})
    shown = {}
    for name in settings:
        shown[name] = await con.fetchval("SELECT current_setting($1, true)", name)
    return {
        "command_timeout": config.command_timeout,
        "connect_timeout": params.connect_timeout,
        "server_settings": settings,
        "shown": shown,
        # asyncpg 0.28+ only (an enum there); 0.27 has no such parameter.
        "target_session_attrs": target_session_attrs(params),
    }, await con.fetchval("SELECT 1")


async def describe_connection(con):
    if con.is_closed():
        con = await reopen[id(con)]()
    facts, one = await connection_facts(con)
    await con.close()
    return facts, one


async def describe_pool(pool, original):
    if pool._closed or pool._closing:
        pool = await reopen[id(original)]()
    elif not pool._initialized:
        await pool
    async with pool.acquire(timeout=30) as con:  # not the fixture's call: not recorded
        facts, one = await connection_facts(con)
    await pool.close()
    return facts, one


def describe(kind, obj):
    if kind not in ("asyncpg", "asyncpg_pool"):
        return None
    report = {
        "kind": kind,
        "driver": "asyncpg",
        "poolClass": type(obj).__name__ if kind == "asyncpg_pool" else "",
        "prePing": False,
        "recycle": None,
        "fixtureHosts": ctx.fixture_hosts.get(id(obj)),
    }
    # Pools and connections belong to the event loop they were made in: describe them there.
    loop = obj._loop
    if kind == "asyncpg_pool":
        report["pool"] = {
            "minSize": obj._minsize,
            "maxSize": obj._maxsize,
            "maxQueries": obj._max_queries,
            "maxInactiveConnectionLifetime": obj._max_inactive_connection_lifetime,
        }
        facts, one = loop.run_until_complete(describe_pool(obj, obj))
        facts["acquire_timeouts"] = acquire_timeouts.get(id(obj), [])
    else:
        facts, one = loop.run_until_complete(describe_connection(obj))
    report["asyncpg"] = facts
    report["select1"] = one
    return report
