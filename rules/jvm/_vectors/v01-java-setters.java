HikariConfig cfg = new HikariConfig();
cfg.setJdbcUrl("jdbc:postgresql://db.internal:5432/orders");
cfg.setUsername("app");
cfg.setMaximumPoolSize(20);
cfg.setConnectionTestQuery("SELECT 1");
cfg.setKeepaliveTime(10000);
