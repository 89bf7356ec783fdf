engine = create_engine(
    "postgresql+psycopg2://u:p@h/db?keepalives_idle=30&tcp_user_timeout=30",
    pool_pre_ping=True, pool_recycle=200,
)
