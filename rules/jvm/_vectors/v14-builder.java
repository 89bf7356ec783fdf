HikariDataSource ds = DataSourceBuilder.create()
        .type(HikariDataSource.class)
        .url("jdbc:postgresql://db:5432/app?tcpKeepAlive=true&socketTimeout=60")
        .username("app")
        .build();
ds.setConnectionTimeout(5000);
