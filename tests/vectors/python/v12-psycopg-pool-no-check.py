pool = ConnectionPool(conninfo="host=db dbname=app user=app", min_size=4, max_lifetime=300)
