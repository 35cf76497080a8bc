#!/usr/bin/env bash
# Adds an EF Core migration NAME for both providers (each has its own migrations folder).
#   scripts/add-migration.sh AddSomething
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh NAME}
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project engine --startup-project engine \
    --context "${provider}RoutingDb" --output-dir "Store/Migrations/$provider" \
    --namespace "Routing.Engine.Store.Migrations.$provider"
done
# dotnet-ef writes the model snapshots under a folder named after their namespace: put them back.
for provider in Sqlite Postgres; do
  snapshot=engine/Routing/Engine/Store/Migrations/$provider/${provider}RoutingDbModelSnapshot.cs
  [ -f "$snapshot" ] && mv "$snapshot" "engine/Store/Migrations/$provider/"
done
rm -rf engine/Routing engine/design.db
