#!/usr/bin/env bash
# Restores a dump made by backup.sh into an EMPTY database, then checks it.
#   DATABASE_URL=postgresql://…/new_db deploy/restore.sh path/to/xinyong-leshan-….dump
# Restore into a new database and switch the portal's DATABASE_URL to it once the check
# passes; never restore over the live database. The portal needs the same IDENTITY_KEY.
set -euo pipefail

: "${DATABASE_URL:?DATABASE_URL must name the (empty) database to restore into}"
file="${1:?usage: restore.sh DUMP_FILE}"
[ -f "$file" ] || { echo "no such dump: $file" >&2; exit 1; }

tables="$(psql "$DATABASE_URL" -XAtc "select count(*) from pg_tables where schemaname = 'public'")"
if [ "$tables" != "0" ]; then
  echo "refusing to restore: the target database already has $tables tables (restore into an empty database)" >&2
  exit 1
fi

pg_restore --no-owner --no-acl --exit-on-error --single-transaction --dbname="$DATABASE_URL" "$file"

# The restored database must know every migration and still guard the audit log.
psql "$DATABASE_URL" -XAtc "select count(*) from kysely_migration" | sed 's/^/migrations applied: /'
psql "$DATABASE_URL" -XAtc "select count(*) from pg_trigger where tgname like 'audit_log%'" |
  { read -r n; [ "$n" -gt 0 ] || { echo "audit log triggers missing after restore" >&2; exit 1; }; echo "audit log triggers: $n"; }
echo "restored $file"
