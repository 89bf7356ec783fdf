DB_URL = "postgresql+asyncpg://u:p@h/db?sslmode=require&connect_timeout=10"
engine = create_async_engine(DB_URL, pool_pre_ping=True, pool_recycle=200)
