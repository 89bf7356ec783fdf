ENGINE_KW = dict(pool_size=5, max_overflow=5, pool_timeout=None)
engine = create_engine(settings.db_url, **ENGINE_KW)
