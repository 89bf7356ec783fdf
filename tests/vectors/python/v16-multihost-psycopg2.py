engine = create_engine("postgresql+psycopg2://u:p@/app?host=pg1:5432&host=pg2:5432", pool_pre_ping=True, pool_recycle=200)
