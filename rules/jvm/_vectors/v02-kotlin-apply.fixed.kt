val ds = HikariDataSource(HikariConfig().apply {
    jdbcUrl = "jdbc:postgresql://pg-a:5432,pg-b:5432/billing?sslmode=require"
    username = "billing"
    maxLifetime = 30_000
    addDataSourceProperty("tcpKeepAlive", "true")
})
