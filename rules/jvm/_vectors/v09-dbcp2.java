BasicDataSource ds = new BasicDataSource();
ds.setUrl("jdbc:postgresql://db:5432/app");
ds.setTestOnBorrow(true);
