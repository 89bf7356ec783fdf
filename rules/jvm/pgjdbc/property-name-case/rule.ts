import type { TextEdit } from '../../../../core/types';
import { defineRule } from '../../../define-rule';
import { paramRange, pgUrlsIn, putUrlParamEdit, renameUrlParamEdit } from '../../_lib/jdbc-url';
import { exactPgName, pgTargets } from '../../_lib/pg';
import { propertyEntries } from '../../_lib/properties';
import { SOURCES } from '../../_lib/sources';

const ENV_MAP = /^SPRING_DATASOURCE_HIKARI_DATASOURCEPROPERTIES_([A-Z0-9_]+)$/i;
const ENV_URL = /^SPRING_DATASOURCE_(URL|HIKARI_JDBCURL)$/i;

export default defineRule({
  id: 'jvm.pgjdbc.property-name-case',
  title: 'pgJDBC property name in the wrong case',
  severity: 'warning',
  formats: ['properties', 'yaml', 'java', 'kotlin', 'dotenv'],
  docs: {
    what: 'Reports known pgJDBC property names spelled in another case or in kebab/snake case (`TcpKeepAlive`, `sockettimeout`, `tcp-keep-alive`) in a JDBC URL or a driver-property map, and driver properties given as Spring environment variables (`SPRING_DATASOURCE_HIKARI_DATASOURCEPROPERTIES_TCPKEEPALIVE`), whose map key Spring lower-cases.',
    why: "pgJDBC looks properties up by their exact name and ignores unknown ones without a word, so a misspelt `tcp-keep-alive=true` leaves keepalive off. Spring's relaxed binding does not help here: it relaxes its own keys, not the driver-property map keys it passes through, and it lower-cases map keys that come from environment variables.",
    example: {
      before: 'spring.datasource.hikari.data-source-properties.tcp-keep-alive=true',
      after: 'spring.datasource.hikari.data-source-properties.tcpKeepAlive=true',
    },
    fixSafety:
      'safe: renames the key to the exact name pgJDBC reads, so the setting written takes effect. An environment variable is moved into the URL variable (`SPRING_DATASOURCE_URL`) of the same file, the only place its name survives; without such a URL the finding has no edit.',
    sources: [SOURCES.pgProperty, SOURCES.sbBinding, SOURCES.pgUse],
  },
  check({ doc, environment, format, report }) {
    for (const target of pgTargets(doc, environment)) {
      for (const param of target.url?.params ?? []) {
        const exact = exactPgName(param.key);
        if (!exact || exact === param.key || !target.url) continue;
        report({
          range: paramRange(target.url, param),
          message: `pgJDBC ignores "${param.key}": property names are case-sensitive, and this one is ${exact}.`,
          fix: {
            safety: 'safe',
            description: `Rename ${param.key} to ${exact}.`,
            edits: [renameUrlParamEdit(target.url, param, exact)],
          },
        });
      }
      for (const property of target.driverProperties) {
        const exact = exactPgName(property.name);
        if (!exact || exact === property.name) continue;
        const edit = property.rename(exact);
        report({
          range: property.nameRange,
          message: `pgJDBC ignores the driver property "${property.name}": it reads names exactly, and this one is ${exact}.`,
          fix: edit
            ? { safety: 'safe', description: `Rename ${property.name} to ${exact}.`, edits: [edit] }
            : null,
        });
      }
    }
    if (format !== 'dotenv') return;
    const entries = propertyEntries(doc);
    const urlEntry = entries.filter((e) => ENV_URL.test(e.name)).at(-1);
    const urlLiteral = urlEntry?.value?.literal;
    const url = urlLiteral ? pgUrlsIn(urlLiteral)[0] : undefined;
    for (const entry of entries) {
      const m = ENV_MAP.exec(entry.name);
      const exact = m ? exactPgName(m[1] ?? '') : undefined;
      if (!m || !exact || exact === exact.toLowerCase()) continue;
      const raw = entry.value?.literal?.value.trim().replace(/^(['"])(.*)\1$/, '$2');
      const edits: TextEdit[] | null =
        url && raw ? [...entry.remove(), putUrlParamEdit(doc.text, url, exact, raw)] : null;
      report({
        range: entry.keyRange,
        message: `Spring lower-cases map keys taken from environment variables, so ${entry.name} reaches pgJDBC as "${exact.toLowerCase()}", which it ignores (it reads ${exact}).${edits ? ` Put ${exact}=${raw} in the URL instead.` : ' Put it in the JDBC URL query instead.'}`,
        fix: edits
          ? { safety: 'safe', description: `Move ${exact}=${raw} into ${urlEntry?.name}.`, edits }
          : null,
      });
    }
  },
});
