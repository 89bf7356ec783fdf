pool = ConnectionPool(conninfo="host=db dbname=app user=app keepalives=1 keepalives_idle=30 keepalives_interval=10 keepalives_count=3", min_size=4, max_lifetime=300)
