import com.mchange.v2.c3p0.C3P0ProxyConnection;
import com.mchange.v2.c3p0.ComboPooledDataSource;
import java.lang.reflect.Method;
import java.net.Socket;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import org.apache.commons.dbcp2.BasicDataSource;
import org.apache.tomcat.jdbc.pool.PoolProperties;

/**
 * The pools other than HikariCP for Harness: Debian's Tomcat JDBC (tomcat9-jdbc), Commons DBCP2 and
 * c3p0. Config files are bound the way their loaders bind them: Spring Boot's relaxed binding of
 * `spring.datasource.tomcat.*` / `spring.datasource.dbcp2.*` onto the pool's setters (after Boot's
 * own Tomcat defaults for PostgreSQL: testOnBorrow=true, validationQuery=SELECT 1), and c3p0's
 * `c3p0.<property>` keys onto ComboPooledDataSource's setters by exact name.
 */
final class Pools {
  private Pools() {}

  static final String HOST = System.getProperty("pg.host");
  static final String PORT = System.getProperty("pg.port");
  static final String DATABASE = System.getProperty("pg.database");

  static String kindOf(Object o) {
    if (o instanceof org.apache.tomcat.jdbc.pool.DataSource || o instanceof PoolProperties) return "tomcat";
    if (o instanceof BasicDataSource) return "dbcp2";
    if (o instanceof ComboPooledDataSource) return "c3p0";
    return null;
  }

  static String relaxed(String s) {
    return s.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
  }

  /** Keys no setter took (Boot and c3p0 ignore them); reported with the pool. */
  static final java.util.Map<Object, List<String>> UNBOUND = new java.util.IdentityHashMap<>();

  static Object bind(String kind, Properties flat) throws Exception {
    Object target;
    if (kind.equals("tomcat")) {
      org.apache.tomcat.jdbc.pool.DataSource ds = new org.apache.tomcat.jdbc.pool.DataSource();
      // Spring Boot's DataSourceConfiguration.Tomcat for a PostgreSQL URL, before binding the keys.
      ds.setTestOnBorrow(true);
      ds.setValidationQuery("SELECT 1");
      target = ds;
    } else if (kind.equals("dbcp2")) {
      target = new BasicDataSource();
    } else if (kind.equals("c3p0")) {
      target = new ComboPooledDataSource();
    } else {
      throw new IllegalArgumentException("unknown pool " + kind);
    }
    List<String> unbound = new ArrayList<>();
    for (String key : new TreeSet<>(flat.stringPropertyNames())) {
      String value = flat.getProperty(key);
      String[] seg = key.split("\\.");
      String prop;
      boolean exact;
      if (kind.equals("c3p0")) {
        if (!key.startsWith("c3p0.")) continue;
        prop = key.substring(5);
        exact = true;
      } else {
        if (seg.length < 3 || !relaxed(seg[0]).equals("spring") || !relaxed(seg[1]).equals("datasource")) continue;
        if (seg.length == 3) {
          String generic = relaxed(seg[2]);
          if (!generic.equals("url") && !generic.equals("username") && !generic.equals("password") && !generic.equals("driverclassname")) continue;
          prop = generic;
        } else if (seg.length == 4 && relaxed(seg[2]).equals(kind)) {
          prop = seg[3];
        } else {
          continue;
        }
        exact = false;
      }
      if (!set(target, prop, value, exact)) unbound.add(key);
    }
    UNBOUND.put(target, unbound);
    return target;
  }

  static boolean set(Object target, String prop, String value, boolean exact) throws Exception {
    String want = exact ? "set" + Character.toUpperCase(prop.charAt(0)) + prop.substring(1) : "set" + relaxed(prop);
    for (Method m : target.getClass().getMethods()) {
      if (m.getParameterCount() != 1) continue;
      if (!(exact ? m.getName().equals(want) : m.getName().toLowerCase(Locale.ROOT).equals(want))) continue;
      Class<?> type = m.getParameterTypes()[0];
      String v = value.trim();
      Object converted =
          type == long.class || type == Long.class ? Long.valueOf(v)
          : type == int.class || type == Integer.class ? Integer.valueOf(v)
          : type == boolean.class || type == Boolean.class ? Boolean.valueOf(v)
          : type == String.class ? value
          : null;
      if (converted == null) continue;
      m.invoke(target, converted);
      return true;
    }
    return false;
  }

  /** The started pool, pointed at the test server's credentials (URLs arrive retargeted). */
  static Object start(Object built, String user, String password) throws Exception {
    String fallback = "jdbc:postgresql://" + HOST + ":" + PORT + "/" + DATABASE;
    if (built instanceof PoolProperties) built = new org.apache.tomcat.jdbc.pool.DataSource((PoolProperties) built);
    if (built instanceof org.apache.tomcat.jdbc.pool.DataSource) {
      org.apache.tomcat.jdbc.pool.DataSource ds = (org.apache.tomcat.jdbc.pool.DataSource) built;
      if (ds.getUrl() == null) ds.setUrl(fallback);
      if (ds.getDriverClassName() == null) ds.setDriverClassName("org.postgresql.Driver");
      ds.setUsername(user);
      ds.setPassword(password);
      return ds;
    }
    if (built instanceof BasicDataSource) {
      BasicDataSource ds = (BasicDataSource) built;
      if (ds.getUrl() == null) ds.setUrl(fallback);
      ds.setUsername(user);
      ds.setPassword(password);
      return ds;
    }
    ComboPooledDataSource ds = (ComboPooledDataSource) built;
    if (ds.getJdbcUrl() == null) ds.setJdbcUrl(fallback);
    ds.setUser(user);
    ds.setPassword(password);
    ds.setAcquireRetryAttempts(1);
    return ds;
  }

  static Connection connection(Object ds) throws Exception {
    return ((javax.sql.DataSource) ds).getConnection();
  }

  static String url(Object ds) {
    if (ds instanceof org.apache.tomcat.jdbc.pool.DataSource) return ((org.apache.tomcat.jdbc.pool.DataSource) ds).getUrl();
    if (ds instanceof BasicDataSource) return ((BasicDataSource) ds).getUrl();
    return ((ComboPooledDataSource) ds).getJdbcUrl();
  }

  static void close(Object ds) throws Exception {
    if (ds instanceof org.apache.tomcat.jdbc.pool.DataSource) ((org.apache.tomcat.jdbc.pool.DataSource) ds).close();
    else if (ds instanceof BasicDataSource) ((BasicDataSource) ds).close();
    else ((ComboPooledDataSource) ds).close();
  }

  static final String[] TOMCAT = {"testOnBorrow", "testWhileIdle", "validationInterval", "validationQuery", "validationQueryTimeout", "maxWait", "maxAge"};
  static final String[] DBCP2 = {"testOnBorrow", "testWhileIdle", "validationQuery", "validationQueryTimeout", "maxConnLifetimeMillis", "maxWaitMillis"};
  static final String[] C3P0 = {"testConnectionOnCheckout", "idleConnectionTestPeriod", "preferredTestQuery", "automaticTestTable", "checkoutTimeout", "connectionIsValidTimeout"};

  /** The pool's own getters for the settings the rules write; "unsupported" when this version has none. */
  static String getters(Object ds) throws Exception {
    String kind = kindOf(ds);
    String[] props = kind.equals("tomcat") ? TOMCAT : kind.equals("dbcp2") ? DBCP2 : C3P0;
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < props.length; i++) {
      String p = props[i];
      String cap = Character.toUpperCase(p.charAt(0)) + p.substring(1);
      Object value;
      try {
        Method m;
        try {
          m = ds.getClass().getMethod("get" + cap);
        } catch (NoSuchMethodException e) {
          m = ds.getClass().getMethod("is" + cap);
        }
        value = m.invoke(ds);
      } catch (NoSuchMethodException absent) {
        value = "unsupported";
      }
      json.append(i > 0 ? "," : "").append(Harness.q(p)).append(":");
      if (value == null) json.append("null");
      else if (value instanceof Number || value instanceof Boolean) json.append(value);
      else json.append(Harness.q(String.valueOf(value)));
    }
    List<String> unbound = UNBOUND.getOrDefault(ds, List.of());
    json.append("},\"unbound\":[");
    for (int i = 0; i < unbound.size(); i++) json.append(i > 0 ? "," : "").append(Harness.q(unbound.get(i)));
    return json.append("]").toString();
  }

  static Socket socket(Connection c) throws Exception {
    if (c instanceof C3P0ProxyConnection) {
      Method raw = Harness.class.getMethod("socketOf", Connection.class);
      return (Socket) ((C3P0ProxyConnection) c).rawConnectionOperation(raw, null, new Object[] {C3P0ProxyConnection.RAW_CONNECTION});
    }
    return Harness.socketOf(c);
  }
}
