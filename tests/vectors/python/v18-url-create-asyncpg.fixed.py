url = URL.create("postgresql+asyncpg", username="u", password=pw, host="h", database="db",
                 query={"command_timeout": "30"})
engine = create_async_engine(url, pool_pre_ping=True, pool_recycle=200, connect_args={"timeout": 10})
