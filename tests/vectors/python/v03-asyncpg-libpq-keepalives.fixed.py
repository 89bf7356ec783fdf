engine = create_async_engine(
    "postgresql+asyncpg://app:pw@db:5432/app",
    pool_pre_ping=True,
    pool_recycle=200,
)
