/**
 * A realistic large Spring Boot `application.yml` for the #6 bench item: a default document plus
 * several `spring.config.activate.on-profile` documents, each with a datasource (URL, HikariCP
 * block, some profiles on Tomcat JDBC) buried in ordinary application settings, `lines` lines long.
 */
export function springApplicationYaml(lines: number, profiles: readonly string[]): string {
  const out: string[] = [];
  const docs = ['default', ...profiles];
  const per = Math.floor(lines / docs.length);
  docs.forEach((profile, d) => {
    if (d > 0) out.push('---');
    out.push('spring:');
    if (profile !== 'default') out.push('  config:', '    activate:', `      on-profile: ${profile}`);
    out.push(
      '  application:',
      `    name: orders-${profile}`,
      '  datasource:',
      `    url: jdbc:postgresql://pg-${profile}.internal:5432/orders?ApplicationName=orders-${profile}${d % 2 ? '&tcpKeepAlive=true' : ''}`,
      // Spring placeholders, not template literals.
      `    username: $${'{'}DB_USER:orders}`,
      `    password: $${'{'}DB_PASSWORD}`,
    );
    if (d % 3 === 2) {
      out.push(
        '    type: org.apache.tomcat.jdbc.pool.DataSource',
        '    tomcat:',
        '      max-active: 40',
        '      validation-interval: 30000',
      );
    } else {
      out.push(
        '    hikari:',
        `      maximum-pool-size: ${10 + d}`,
        '      minimum-idle: 2',
        `      max-lifetime: ${d % 2 ? 0 : 1_800_000}`,
        `      keepalive-time: ${d % 2 ? 10_000 : 300_000}`,
        '      connection-timeout: 30000',
      );
    }
    out.push(
      '  jpa:',
      '    open-in-view: false',
      '    properties:',
      '      hibernate:',
      '        jdbc:',
      '          batch_size: 50',
    );
    out.push(
      'server:',
      `  port: ${8080 + d}`,
      '  shutdown: graceful',
      'management:',
      '  endpoints:',
      '    web:',
      '      exposure:',
      '        include: health,info,prometheus',
    );
    out.push('app:', '  features:');
    for (let f = 0; out.length < (d + 1) * per; f++) {
      out.push(
        `    feature-${f}:`,
        `      enabled: ${f % 3 !== 0}`,
        `      rollout-percent: ${(f * 7) % 100}`,
        `      description: "Feature ${f} of the ${profile} profile"`,
      );
    }
  });
  return `${out.join('\n')}\n`;
}
