engine = create_async_engine(
    "postgresql+asyncpg://app:pw@db:5432/app",
    pool_pre_ping=True,
    connect_args={"keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 5, "keepalives_count": 3},
)
