#!/usr/bin/env bash
# Starts a local PostgreSQL (Debian's package) for the server-store tests and prints the JDBC URL.
# Usage: eval "$(.ci/start-postgres.sh)"   → exports ARBITER_TEST_PG_URL
# PostgreSQL refuses to run as root, so everything goes through the postgres user and pg_ctlcluster.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$version main$"; then
  pg_createcluster "$version" main >/dev/null
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')
pg_ctlcluster "$version" main start >/dev/null 2>&1 || true
for _ in $(seq 1 30); do
  if su postgres -c "psql -p $port -qAtc 'SELECT 1'" >/dev/null 2>&1; then break; fi
  sleep 1
done
password=arbiter_test
su postgres -c "psql -p $port -qAt" >/dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'arbiter_test') THEN
    CREATE ROLE arbiter_test LOGIN PASSWORD '$password' CREATEDB;
  END IF;
END \$\$;
SQL
if ! su postgres -c "psql -p $port -qAtc \"SELECT 1 FROM pg_database WHERE datname='arbiter_test'\"" | grep -q 1; then
  su postgres -c "createdb -p $port -O arbiter_test arbiter_test"
fi
echo "export ARBITER_TEST_PG_URL='jdbc:postgresql://127.0.0.1:$port/arbiter_test?user=arbiter_test&password=$password'"
