#!/usr/bin/env bash
# Installs the Debian packages the tests run for real: Chromium for the browser tests, PostgreSQL for
# the driver checks and PostgreSQL and PgBouncer for the server-config checks, patch and git for the .patch download check, and the Python drivers and the JDK with pgJDBC, HikariCP, SLF4J (HikariCP's
# logging API), Tomcat JDBC, Commons DBCP2, c3p0 and kotlinc, Go with pgx v4 and lib/pq, and Ruby with pg and Active Record that those checks
# execute. Idempotent and quick when all is present; as root it installs what is missing, otherwise
# it says what to install and fails.
set -euo pipefail

packages=(
  chromium
  postgresql pgbouncer procps util-linux patch git
  python3-sqlalchemy python3-greenlet python3-psycopg2 python3-psycopg python3-psycopg-pool
  python3-asyncpg python3-django python3-flask-sqlalchemy
  default-jdk-headless libpostgresql-jdbc-java libhikaricp-java libslf4j-java
  libtomcat9-java libcommons-dbcp2-java libcommons-pool2-java libc3p0-java kotlin
  golang-go golang-github-jackc-pgx-v4-dev golang-github-lib-pq-dev
  ruby-pg ruby-activerecord
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "staleproof tests need these Debian packages: ${missing[*]}" >&2
  echo "install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
