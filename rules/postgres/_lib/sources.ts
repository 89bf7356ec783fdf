/** Primary sources the PostgreSQL rules cite (reference server-network.md §7). */
export const PG_SOURCES = {
  connection: 'https://www.postgresql.org/docs/current/runtime-config-connection.html',
  client: 'https://www.postgresql.org/docs/current/runtime-config-client.html',
  setting: 'https://www.postgresql.org/docs/current/config-setting.html',
  gucFile: 'https://github.com/postgres/postgres/blob/master/src/backend/utils/misc/guc-file.l',
  gucParameters: 'https://github.com/postgres/postgres/blob/master/src/backend/utils/misc/guc_parameters.dat',
  postgresCommand: 'https://www.postgresql.org/docs/current/app-postgres.html',
  alterSystem: 'https://www.postgresql.org/docs/current/sql-altersystem.html',
  pgpediaCheck: 'https://pgpedia.info/c/client_connection_check_interval.html',
  azureTcp:
    'https://learn.microsoft.com/azure/postgresql/flexible-server/param-connections-authentication-tcp-settings',
  auroraDead:
    'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Appendix.PostgreSQL.CommonDBATasks.DeadConnectionHandling.html',
  rdsParameterGroups:
    'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithParamGroups.html',
  tcpMan: 'https://man7.org/linux/man-pages/man7/tcp.7.html',
} as const;
