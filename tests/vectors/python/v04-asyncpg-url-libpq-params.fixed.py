DB_URL = "postgresql+asyncpg://u:p@h/db?ssl=require"
engine = create_async_engine(DB_URL, pool_pre_ping=True, pool_recycle=200, connect_args={"timeout": 10})
