#!/usr/bin/env bash
# Backs up the portal's PostgreSQL database to one compressed custom-format dump.
#   DATABASE_URL=postgresql://… deploy/backup.sh [BACKUP_DIR]      (default ./backups)
# Keeps the newest $KEEP dumps (default 14). Prints the path of the new dump.
# The dump holds natural persons' ID numbers only encrypted: a restore is useless without the
# same IDENTITY_KEY, so keep that secret backed up too (separately from the dumps).
set -euo pipefail

: "${DATABASE_URL:?DATABASE_URL must name the database to back up}"
dir="${1:-./backups}"
keep="${KEEP:-14}"
mkdir -p "$dir"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
file="$dir/xinyong-leshan-$stamp.dump"
tmp="$file.partial"

# --format=custom: compressed, restorable table by table; --no-owner/--no-acl: restorable
# into a database owned by another role.
pg_dump --format=custom --no-owner --no-acl --file="$tmp" "$DATABASE_URL"
# A dump that pg_restore cannot list is not a backup.
pg_restore --list "$tmp" >/dev/null
mv "$tmp" "$file"

ls -1t "$dir"/xinyong-leshan-*.dump | tail -n +"$((keep + 1))" | xargs -r rm --
echo "$file"
