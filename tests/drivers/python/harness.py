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
    return engine


def create_async_engine(url, *args, **kwargs):
    engine = _create_async_engine(retarget(url, async_default=True), *args, **kwargs)
    built.append(("async", engine))
    return engine


sqlalchemy.create_engine = create_engine
sa_asyncio.create_async_engine = create_async_engine


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


def supply(name):
    if re.search(r"url|uri|dsn", name, re.I):
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
        "NullPool": sa_pool.NullPool,
        "QueuePool": sa_pool.QueuePool,
        "StaticPool": sa_pool.StaticPool,
    }
    if name == "app":
        from flask import Flask

        return Flask("harness")
    return known.get(name)


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
            await engine.dispose()
            return value

        report["select1"] = asyncio.run(probe())
    else:
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
    result = {"ok": False, "engines": []}
    try:
        tree = ast.parse(source, path)
        for name in re.findall(r"os\.(?:environ\[|getenv\(|environ\.get\()\s*['\"](\w+)['\"]", source):
            os.environ[name] = str(TEST_URL)
        namespace = {"__name__": "fixture", "__file__": path}
        for name in undefined_names(tree):
            value = supply(name)
            if value is not None:
                namespace[name] = value
        exec(compile(tree, path, "exec"), namespace)
        engines = built + flask_engines(namespace)
        result["engines"] = [describe(kind, engine) for kind, engine in engines]
        result["ok"] = True
    except Exception as error:  # the report says what failed; the test decides what it means
        result["error"] = f"{type(error).__name__}: {error}"
        result["traceback"] = traceback.format_exc(limit=3)
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
