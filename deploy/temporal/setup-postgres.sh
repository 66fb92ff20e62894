#!/bin/sh
# Creates Temporal's two databases and their schemas with Temporal's own tool; idempotent.
set -eu
until nc -z postgresql 5432; do sleep 1; done
tool() { temporal-sql-tool --plugin postgres12 --ep postgresql -u "$POSTGRES_USER" --pw "$POSTGRES_PWD" -p 5432 "$@"; }
for db in temporal temporal_visibility; do
  tool --db "$db" create || true
done
tool --db temporal setup-schema -v 0.0
tool --db temporal update-schema -d /etc/temporal/schema/postgresql/v12/temporal/versioned
tool --db temporal_visibility setup-schema -v 0.0
tool --db temporal_visibility update-schema -d /etc/temporal/schema/postgresql/v12/visibility/versioned
