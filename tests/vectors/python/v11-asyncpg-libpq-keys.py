conn = await asyncpg.connect("postgresql://u:p@h:5432/db?keepalives=1&tcp_user_timeout=10000", connect_timeout=5)
