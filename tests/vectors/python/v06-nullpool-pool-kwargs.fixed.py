engine = create_engine(URL, poolclass=NullPool, pool_pre_ping=True)
