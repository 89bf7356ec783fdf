pool = await asyncpg.create_pool(
    dsn=os.environ["PG_DSN"],
    min_size=5, max_size=20,
    max_inactive_connection_lifetime=0,   # keep connections forever
    server_settings={"application_name": "api", "tcp_keepalives_idle": 60},
)
