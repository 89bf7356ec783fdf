conn = await asyncpg.connect("postgresql://u:p@h:5432/db", timeout=5)
