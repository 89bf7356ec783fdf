HikariConfig cfg = new HikariConfig();
cfg.setJdbcUrl("jdbc:postgresql://db.internal:5432/orders?tcpKeepAlive=true");
cfg.setUsername("app");
cfg.setMaximumPoolSize(20);
cfg.setKeepaliveTime(30000);
