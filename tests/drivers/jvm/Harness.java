import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.postgresql.PGProperty;
import org.postgresql.jdbc.PgConnection;

/**
 * staleproof's JVM driver proof: builds each job's pool (or plain connection) with Debian's HikariCP
 * and pgJDBC, connects to the throwaway PostgreSQL, runs SELECT 1, and prints, as one JSON line per
 * job, what the pool and the driver really use: HikariConfig getters after HikariCP's own
 * validation, the properties pgJDBC parsed, and the socket's SO_KEEPALIVE / SO_TIMEOUT.
 *
 * Jobs (tab-separated lines on stdin): `ID props PATH` (hikari.properties via new HikariConfig(path)),
 * `ID spring PATH` (flattened Spring keys, bound the way Boot binds spring.datasource.hikari.*),
 * `ID java CLASS METHOD` (a compiled fixture, Java or Kotlin: a static method returning pools),
 * `ID pool KIND PATH` (Spring tomcat / dbcp2 keys or c3p0.properties, bound onto that pool; see Pools.java),
 * `ID url URL`.
 */
public final class Harness {
  static String user = System.getProperty("pg.user");
  static String password = System.getProperty("pg.password");
  static String host = System.getProperty("pg.host");
  static String port = System.getProperty("pg.port");
  static String database = System.getProperty("pg.database");

  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.isEmpty()) continue;
      String[] job = line.split("\t");
      StringBuilder out = new StringBuilder("{\"id\":").append(q(job[0])).append(",\"pools\":[");
      String error = null;
      List<String> pools = new ArrayList<>();
      try {
        switch (job[1]) {
          case "props": {
            HikariConfig config = new HikariConfig(job[2]);
            retarget(config);
            pools.add(pool("hikari.properties", config, List.of()));
            break;
          }
          case "spring": {
            Properties flat = new Properties();
            try (FileInputStream f = new FileInputStream(job[2])) {
              flat.load(new InputStreamReader(f, StandardCharsets.UTF_8));
            }
            HikariConfig config = new HikariConfig();
            List<String> unbound = bindSpring(config, flat);
            retarget(config);
            pools.add(pool("spring.datasource.hikari", config, unbound));
            break;
          }
          case "java": {
            Method build = Class.forName(job[2]).getMethod(job[3]);
            Object result = build.invoke(null);
            Object[] built = result instanceof Object[] ? (Object[]) result : new Object[] {result};
            String[] names = job.length > 4 ? job[4].split(",") : new String[0];
            for (int i = 0; i < built.length; i++) {
              Object o = built[i];
              String name = i < names.length ? names[i] : ("pool" + i);
              if (Pools.kindOf(o) != null) pools.add(otherPool(name, o));
              else if (o instanceof HikariDataSource) pools.add(pool(name, (HikariConfig) o, List.of()));
              else if (o instanceof HikariConfig) {
                // A config the snippet has not started yet: point it at the test server like the others.
                if (((HikariConfig) o).getDataSourceClassName() != null) retarget((HikariConfig) o);
                pools.add(pool(name, (HikariConfig) o, List.of()));
              }
            }
            break;
          }
          case "pool": {
            // Spring's spring.datasource.tomcat.* / dbcp2.* (flattened) or c3p0.properties keys, bound by setter name.
            Properties flat = new Properties();
            try (FileInputStream f = new FileInputStream(job[3])) {
              flat.load(new InputStreamReader(f, StandardCharsets.UTF_8));
            }
            pools.add(otherPool(job[2], Pools.bind(job[2], flat)));
            break;
          }
          case "url": {
            pools.add(plain(job[2]));
            break;
          }
          default:
            throw new IllegalArgumentException("unknown job kind " + job[1]);
        }
      } catch (Throwable t) {
        error = describe(t);
      }
      out.append(String.join(",", pools)).append("],\"error\":").append(error == null ? "null" : q(error)).append('}');
      System.out.println(out);
      System.out.flush();
    }
  }

  /** Spring Boot's relaxed binding of spring.datasource.* onto a HikariDataSource, for the keys a pool uses. */
  static List<String> bindSpring(HikariConfig config, Properties flat) throws Exception {
    List<String> unbound = new ArrayList<>();
    Map<String, Method> setters = new TreeMap<>();
    for (Method m : HikariConfig.class.getMethods()) {
      if (m.getName().startsWith("set") && m.getParameterCount() == 1) setters.put(m.getName().substring(3).toLowerCase(Locale.ROOT), m);
    }
    String url = null;
    String hikariUrl = null;
    for (String key : new java.util.TreeSet<>(flat.stringPropertyNames())) {
      String value = flat.getProperty(key);
      String[] seg = key.split("\\.");
      if (seg.length < 3 || !relaxed(seg[0]).equals("spring") || !relaxed(seg[1]).equals("datasource")) continue;
      String third = relaxed(seg[2]);
      if (seg.length == 3) {
        if (third.equals("url")) url = value;
        else if (third.equals("username")) config.setUsername(value);
        else if (third.equals("password")) config.setPassword(value);
        else if (third.equals("driverclassname")) config.setDriverClassName(value);
        continue;
      }
      if (!third.equals("hikari")) continue;
      String prop = relaxed(seg[3]);
      if (prop.equals("datasourceproperties") && seg.length >= 5) {
        config.addDataSourceProperty(String.join(".", java.util.Arrays.copyOfRange(seg, 4, seg.length)), value);
        continue;
      }
      if (prop.equals("jdbcurl")) {
        hikariUrl = value;
        continue;
      }
      Method setter = seg.length == 4 ? setters.get(prop) : null;
      if (setter == null) {
        unbound.add(key);
        continue;
      }
      Class<?> type = setter.getParameterTypes()[0];
      Object converted =
          type == long.class ? Long.valueOf(value.trim())
          : type == int.class ? Integer.valueOf(value.trim())
          : type == boolean.class ? Boolean.valueOf(value.trim())
          : type == String.class ? value
          : null;
      if (converted == null) unbound.add(key);
      else setter.invoke(config, converted);
    }
    if (hikariUrl != null) config.setJdbcUrl(hikariUrl);
    else if (url != null) config.setJdbcUrl(url);
    return unbound;
  }

  static String relaxed(String s) {
    return s.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
  }

  /** Points a data-source-class pool at the test server (URL pools arrive retargeted). */
  static void retarget(HikariConfig config) {
    config.setUsername(user);
    config.setPassword(password);
    if (config.getDataSourceClassName() != null) {
      Properties p = config.getDataSourceProperties();
      p.setProperty("serverName", host);
      p.setProperty("portNumber", port);
      p.setProperty("databaseName", database);
      p.setProperty("user", user);
      p.setProperty("password", password);
    }
    config.setInitializationFailTimeout(1);
  }

  static String pool(String name, HikariConfig config, List<String> unbound) throws Exception {
    if (!(config instanceof HikariDataSource) && config.getJdbcUrl() == null && config.getDataSourceClassName() == null) {
      // A snippet that sets only pool keys: the test server's URL stands in for the one it gets elsewhere.
      config.setJdbcUrl("jdbc:postgresql://" + host + ":" + port + "/" + database);
      config.setUsername(user);
      config.setPassword(password);
    }
    HikariDataSource ds = config instanceof HikariDataSource ? (HikariDataSource) config : new HikariDataSource(config);
    try (Connection c = ds.getConnection()) {
      StringBuilder json = new StringBuilder("{\"name\":").append(q(name)).append(",\"config\":{");
      json.append("\"maxLifetime\":").append(ds.getMaxLifetime());
      json.append(",\"idleTimeout\":").append(ds.getIdleTimeout());
      json.append(",\"connectionTimeout\":").append(ds.getConnectionTimeout());
      json.append(",\"validationTimeout\":").append(ds.getValidationTimeout());
      json.append(",\"maximumPoolSize\":").append(ds.getMaximumPoolSize());
      json.append(",\"minimumIdle\":").append(ds.getMinimumIdle());
      json.append(",\"connectionTestQuery\":").append(ds.getConnectionTestQuery() == null ? "null" : q(ds.getConnectionTestQuery()));
      json.append(",\"jdbcUrl\":").append(ds.getJdbcUrl() == null ? "null" : q(ds.getJdbcUrl()));
      json.append(",\"dataSourceClassName\":").append(ds.getDataSourceClassName() == null ? "null" : q(ds.getDataSourceClassName()));
      try {
        Method keepalive = HikariConfig.class.getMethod("getKeepaliveTime");
        json.append(",\"keepaliveTime\":").append(keepalive.invoke(ds));
      } catch (NoSuchMethodException absent) {
        json.append(",\"keepaliveTime\":\"unsupported\"");
      }
      json.append("},\"dataSourceProperties\":").append(props(ds.getDataSourceProperties()));
      json.append(",\"unbound\":[");
      for (int i = 0; i < unbound.size(); i++) json.append(i > 0 ? "," : "").append(q(unbound.get(i)));
      json.append("]");
      // What HikariCP hands the driver: its DriverDataSource copies every entry with toString().
      Properties handed = new Properties();
      for (Map.Entry<Object, Object> e : ds.getDataSourceProperties().entrySet()) handed.setProperty(e.getKey().toString(), e.getValue().toString());
      Properties driver = ds.getJdbcUrl() != null ? org.postgresql.Driver.parseURL(ds.getJdbcUrl(), handed) : handed;
      json.append(",").append(connection(c, driver));
      return json.append("}").toString();
    } finally {
      ds.close();
    }
  }

  /** A Tomcat JDBC, DBCP2 or c3p0 pool: its getters after start, SELECT 1, and what pgJDBC and the socket use. */
  static String otherPool(String name, Object built) throws Exception {
    Object ds = Pools.start(built, user, password);
    try (Connection c = Pools.connection(ds)) {
      StringBuilder json = new StringBuilder("{\"name\":").append(q(name)).append(",\"kind\":").append(q(Pools.kindOf(ds)));
      json.append(",\"config\":").append(Pools.getters(ds));
      String url = Pools.url(ds);
      Properties info = new Properties();
      info.setProperty("user", user);
      Properties driver = url != null ? org.postgresql.Driver.parseURL(url, info) : info;
      json.append(",").append(connection(c, driver));
      return json.append("}").toString();
    } finally {
      Pools.close(ds);
    }
  }

  /** The pgJDBC socket under a connection (c3p0 0.9.1 proxies predate unwrap(): Pools uses its raw-connection hook). */
  public static Socket socketOf(Connection c) throws Exception {
    PgConnection pg = c.unwrap(PgConnection.class);
    Object executor = pg.getQueryExecutor();
    Field stream = org.postgresql.core.QueryExecutorBase.class.getDeclaredField("pgStream");
    stream.setAccessible(true);
    return ((org.postgresql.core.PGStream) stream.get(executor)).getSocket();
  }

  static String plain(String url) throws Exception {
    Properties info = new Properties();
    info.setProperty("user", user);
    info.setProperty("password", password);
    try (Connection c = DriverManager.getConnection(url, info)) {
      Properties driver = org.postgresql.Driver.parseURL(url, info);
      return "{\"name\":" + q(url.replaceAll("password=[^&]*", "password=***")) + "," + connection(c, driver) + "}";
    }
  }

  /** SELECT 1, what pgJDBC read from its properties, and what the socket really does. */
  static String connection(Connection c, Properties driver) throws Exception {
    StringBuilder json = new StringBuilder();
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT 1")) {
      r.next();
      json.append("\"select1\":").append(r.getInt(1));
    }
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SHOW statement_timeout")) {
      r.next();
      json.append(",\"statementTimeout\":").append(q(r.getString(1)));
    }
    json.append(",\"driver\":{");
    json.append("\"tcpKeepAlive\":").append(PGProperty.TCP_KEEP_ALIVE.getBoolean(driver));
    json.append(",\"socketTimeout\":").append(q(String.valueOf(PGProperty.SOCKET_TIMEOUT.get(driver))));
    json.append(",\"connectTimeout\":").append(q(String.valueOf(PGProperty.CONNECT_TIMEOUT.get(driver))));
    json.append(",\"loginTimeout\":").append(q(String.valueOf(PGProperty.LOGIN_TIMEOUT.get(driver))));
    json.append(",\"targetServerType\":").append(q(String.valueOf(PGProperty.TARGET_SERVER_TYPE.get(driver))));
    json.append(",\"options\":").append(q(String.valueOf(PGProperty.OPTIONS.get(driver))));
    json.append("},\"names\":").append(props(driver));
    Socket socket = Pools.socket(c);
    json.append(",\"socket\":{\"keepAlive\":").append(socket.getKeepAlive()).append(",\"soTimeout\":").append(socket.getSoTimeout()).append("}");
    return json.toString();
  }

  static String props(Properties p) {
    StringBuilder json = new StringBuilder("{");
    boolean first = true;
    for (String key : new java.util.TreeSet<>(p.stringPropertyNames())) {
      if (key.equals("password")) continue;
      json.append(first ? "" : ",").append(q(key)).append(":").append(q(p.getProperty(key)));
      first = false;
    }
    for (Object key : p.keySet()) {
      if (!(key instanceof String) || p.get(key) instanceof String) continue;
      json.append(first ? "" : ",").append(q((String) key)).append(":").append(q(String.valueOf(p.get(key))));
      first = false;
    }
    return json.append("}").toString();
  }

  static String describe(Throwable t) {
    while ((t instanceof java.lang.reflect.InvocationTargetException || t instanceof ExceptionInInitializerError) && t.getCause() != null) t = t.getCause();
    StringBuilder s = new StringBuilder(t.getClass().getName()).append(": ").append(t.getMessage());
    for (Throwable c = t.getCause(); c != null && c != t; c = c.getCause()) s.append(" / caused by ").append(c.getClass().getName()).append(": ").append(c.getMessage());
    return s.toString();
  }

  static String q(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      if (ch == '"' || ch == '\\') out.append('\\').append(ch);
      else if (ch < 0x20) out.append(String.format("\\u%04x", (int) ch));
      else out.append(ch);
    }
    return out.append('"').toString();
  }
}
