engine = create_engine(
    "postgresql+psycopg2://app:pw@db.internal:5432/app",
    pool_size=10,  # tuned for 4 workers
    # max_overflow left default
    pool_recycle=200,
    pool_pre_ping=True,
    connect_args={"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3},
)
