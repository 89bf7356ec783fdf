engine = create_engine(
    "postgresql+psycopg2://app:pw@db.internal:5432/app",
    pool_size=10,  # tuned for 4 workers
    # max_overflow left default
    pool_recycle=3600,
)
