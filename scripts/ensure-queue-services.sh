#!/usr/bin/env bash
# Debian's redis-server and PostgreSQL for n8n's queue mode (`npm run test:queue`, the burst
# benchmark). Only installs what is missing; starting them is the tooling's job
# (test/e2e/lib/queue-services.ts: a redis-server and a throwaway cluster on loopback ports
# of their own, in temporary folders, stopped and removed at the end). As root (directly, or
# through sudo when that is available).
set -euo pipefail
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
have_redis() { command -v redis-server >/dev/null 2>&1; }
have_postgres() { local dir; dir="$(pg_bin)"; [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; }
if have_redis && have_postgres; then
	exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
	as_root=()
elif command -v sudo >/dev/null 2>&1; then
	as_root=(sudo)
else
	echo "ensure-queue-services: redis-server or PostgreSQL is missing and installing them needs root (apt-get install redis-server postgresql)" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update
"${as_root[@]}" apt-get install -y redis-server postgresql
# Debian starts the packaged services; the tooling runs its own instances on other ports.
redis-server --version
"$(pg_bin)/postgres" --version
