engine = create_engine(os.environ["DATABASE_URL"], pool_pre_ping=True, pool_recycle=200)
