/** Primary sources the JVM rules cite (reference/jvm.md §6). */
export const SOURCES = {
  pgUse: 'https://jdbc.postgresql.org/documentation/use/',
  pgProperty:
    'https://github.com/pgjdbc/pgjdbc/blob/master/pgjdbc/src/main/java/org/postgresql/PGProperty.java',
  pgDriver: 'https://github.com/pgjdbc/pgjdbc/blob/master/pgjdbc/src/main/java/org/postgresql/Driver.java',
  pgHostRequirement:
    'https://github.com/pgjdbc/pgjdbc/blob/master/pgjdbc/src/main/java/org/postgresql/hostchooser/HostRequirement.java',
  pg879: 'https://github.com/pgjdbc/pgjdbc/issues/879',
  pg2487: 'https://github.com/pgjdbc/pgjdbc/issues/2487',
  hkReadme: 'https://github.com/brettwooldridge/HikariCP#readme',
  hkChanges: 'https://github.com/brettwooldridge/HikariCP/blob/dev/CHANGES',
  hkConfig:
    'https://github.com/brettwooldridge/HikariCP/blob/dev/src/main/java/com/zaxxer/hikari/HikariConfig.java',
  hkRapidRecovery: 'https://github.com/brettwooldridge/HikariCP/wiki/Rapid-Recovery',
  hkFaq: 'https://github.com/brettwooldridge/HikariCP/wiki/FAQ',
  hk2101: 'https://github.com/brettwooldridge/HikariCP/issues/2101',
  hk2112: 'https://github.com/brettwooldridge/HikariCP/issues/2112',
  hk2062: 'https://github.com/brettwooldridge/HikariCP/issues/2062',
  hk2394: 'https://github.com/brettwooldridge/HikariCP/pull/2394',
  sbSql: 'https://docs.spring.io/spring-boot/reference/data/sql.html#data.sql.datasource.connection-pool',
  sbBinding:
    'https://docs.spring.io/spring-boot/reference/features/external-config.html#features.external-config.typesafe-configuration-properties.relaxed-binding',
  sbDataSourceConfiguration:
    'https://github.com/spring-projects/spring-boot/blob/main/module/spring-boot-jdbc/src/main/java/org/springframework/boot/jdbc/autoconfigure/DataSourceConfiguration.java',
  pgStatementTimeout:
    'https://www.postgresql.org/docs/current/runtime-config-client.html#GUC-STATEMENT-TIMEOUT',
  tcDoc: 'https://tomcat.apache.org/tomcat-10.1-doc/jdbc-pool.html',
  tcPooledConnection:
    'https://github.com/apache/tomcat/blob/main/modules/jdbc-pool/src/main/java/org/apache/tomcat/jdbc/pool/PooledConnection.java',
  tcBug60194: 'https://bz.apache.org/bugzilla/show_bug.cgi?id=60194',
  dbcpDoc: 'https://commons.apache.org/proper/commons-dbcp/configuration.html',
  dbcpPoolableConnection:
    'https://github.com/apache/commons-dbcp/blob/master/src/main/java/org/apache/commons/dbcp2/PoolableConnection.java',
  c3p0Doc: 'https://www.mchange.com/projects/c3p0/',
  c3p0Defaults:
    'https://github.com/swaldman/c3p0/blob/master/src/java/com/mchange/v2/c3p0/impl/C3P0Defaults.java',
  quarkusDatasource: 'https://quarkus.io/guides/datasource',
  quarkusJdbcConfig:
    'https://github.com/quarkusio/quarkus/blob/main/extensions/agroal/runtime/src/main/java/io/quarkus/agroal/runtime/DataSourceJdbcRuntimeConfig.java',
  quarkus52230: 'https://github.com/quarkusio/quarkus/issues/52230',
  jdkNetProperties: 'https://docs.oracle.com/javase/8/docs/technotes/guides/net/properties.html',
  jdkInetAddress: 'https://docs.oracle.com/en/java/javase/17/docs/api/java.base/java/net/InetAddress.html',
} as const;
