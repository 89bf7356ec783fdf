engine = create_engine(
    "postgresql+psycopg://u:p@h/db",
    pool_pre_ping=True, pool_recycle=200,
    connect_args={"keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3,
                  "tcp_user_timeout": 30000, "connect_timeout": 10},
)
