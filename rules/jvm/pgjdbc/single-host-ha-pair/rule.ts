import type { TextEdit } from '../../../../core/types';
import { defineRule } from '../../../define-rule';
import { literalRange } from '../../_lib/literal';
import { pgSetting, pgTargets, putPgEdit } from '../../_lib/pg';
import { SOURCES } from '../../_lib/sources';

const PREFIX = 'jdbc:postgresql://';

/** `pg1:5432` → host and port; `[fd00::1]:5433` keeps its brackets in the host. */
function split(node: string): { host: string; port?: string } {
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(node);
  return { host: (m?.[1] ?? node).replace(/^\[|\]$/g, ''), port: m?.[2] };
}

export default defineRule({
  id: 'jvm.pgjdbc.single-host-ha-pair',
  title: 'pgJDBC URL names one node of an HA pair that has no VIP: it cannot follow a failover',
  severity: 'warning',
  formats: ['properties', 'yaml', 'java', 'kotlin', 'dotenv'],
  docs: {
    what: 'When you state that the cluster is an HA pair (or more nodes) reached by their own addresses with no moving VIP or DNS name (environment `haNodes=pg1:5432,pg2:5432`), reports pgJDBC URLs that list only one of those nodes.',
    why: 'After a failover the named node is a standby or gone: new connections fail, or succeed against a read-only node where every write fails with 25006. Listing every node with `targetServerType=primary` lets pgJDBC find the new primary by itself. Not needed when the URL is a failover DNS name or VIP (RDS / Aurora cluster endpoint, a Patroni VIP), which is why the rule waits for you to say there is none.',
    example: {
      before: 'spring.datasource.url=jdbc:postgresql://pg1:5432/app',
      after: 'spring.datasource.url=jdbc:postgresql://pg1:5432,pg2:5432/app?targetServerType=primary',
    },
    fixSafety:
      'review: a dead node costs each new connection up to connectTimeout until pgJDBC marks it failed (hostRecheckSeconds, 10 s), so keep connectTimeout short (3–5 s); `primary` is right for a pool that writes (a read-only pool wants preferSecondary). The URL keeps its database and parameters; only the host list and targetServerType change. Silent unless `haNodes` is stated, and when the URL names none of those nodes (it may be a VIP).',
    sources: [SOURCES.pgUse, SOURCES.pgHostRequirement],
  },
  check({ doc, environment, report }) {
    const nodes = environment.haNodes ?? [];
    if (nodes.length < 2) return;
    const known = nodes.map(split);
    for (const target of pgTargets(doc, environment)) {
      const url = target.url;
      if (!url || target.urlUnknown || url.hosts.length !== 1) continue;
      const only = url.hosts[0] as { host: string; port?: string };
      const named = known.find(
        (n) =>
          n.host.toLowerCase() === only.host.toLowerCase() && (n.port ?? '5432') === (only.port ?? '5432'),
      );
      if (!named) continue;
      const defaultPort = only.port;
      const list = known
        .map((n) => {
          const host = n.host.includes(':') ? `[${n.host}]` : n.host;
          const port = n.port ?? defaultPort;
          return port ? `${host}:${port}` : host;
        })
        .join(',');
      // The host list sits between `//` and the next `/`; without a path there is nothing certain to edit.
      const authorityStart = url.start + PREFIX.length;
      const slash = url.text.indexOf('/', PREFIX.length);
      const edits: TextEdit[] = [];
      if (url.text.startsWith(PREFIX) && slash > 0) {
        edits.push({ ...literalRange(url.literal, authorityStart, url.start + slash), text: list });
        const type = pgSetting(target, 'targetServerType');
        if (!type || type.value?.trim() === 'any') {
          const put = putPgEdit(doc.text, target, 'targetServerType', 'primary');
          if (put) edits.push(put.edit);
          else edits.length = 0;
        }
      }
      report({
        range: target.range,
        message: `${target.label} names only ${only.host}${only.port ? `:${only.port}` : ''}, one of the ${nodes.length} nodes you listed with no VIP in front: after a failover its new connections fail or land on a standby. List every node with targetServerType=primary: jdbc:postgresql://${list}/…, and keep connectTimeout short, since each dead node costs one connect attempt.`,
        fix:
          edits.length > 0
            ? {
                safety: 'review',
                description: `List every node (${list}) with targetServerType=primary.`,
                edits,
              }
            : null,
      });
    }
  },
});
