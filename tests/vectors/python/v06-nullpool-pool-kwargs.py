engine = create_engine(URL, poolclass=NullPool, pool_size=20, max_overflow=0, pool_pre_ping=True)
