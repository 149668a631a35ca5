#!/bin/bash
# First start of the primary (docker-entrypoint-initdb.d): allow streaming replication to the
# replica service with the same password authentication as ordinary connections.
set -e
echo "host replication ${POSTGRES_USER} all scram-sha-256" >>"$PGDATA/pg_hba.conf"
