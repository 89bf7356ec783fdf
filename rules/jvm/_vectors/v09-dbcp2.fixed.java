BasicDataSource ds = new BasicDataSource();
ds.setUrl("jdbc:postgresql://db:5432/app?tcpKeepAlive=true");
ds.setTestOnBorrow(true);
ds.setValidationQueryTimeout(java.time.Duration.ofSeconds(5));
