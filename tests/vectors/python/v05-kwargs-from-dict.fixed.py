ENGINE_KW = dict(pool_size=5, max_overflow=5, pool_timeout=None, pool_pre_ping=True, pool_recycle=200)
engine = create_engine(settings.db_url, **ENGINE_KW)
