#!/usr/bin/env bash
# Issue 16's side-by-side table: SQLite on one node, PostgreSQL on one node, PostgreSQL on three nodes,
# the same scenarios each, one after the other in one run (docs/performance.md, "Several nodes").
# Usage: bench/cluster-comparison.sh [lone] [sustained] [ingest]   (all three when none is named)
# Needs the local PostgreSQL of .ci/services.sh (`source .ci/services.sh && start_postgres`) and root
# (runuser) to create one fresh database per PostgreSQL run. Results: bench/ThiDua.LoadTest/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
source .ci/services.sh
start_postgres >/dev/null

stamp=$(date -u +%Y%m%d%H%M%S)
fresh_database() {
  local name="bench_${stamp}_$1"
  runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE $name OWNER $THIDUA_TEST_ROLE" >/dev/null
  echo "Host=127.0.0.1;Username=$THIDUA_TEST_ROLE;Password=$THIDUA_TEST_PASSWORD;Database=$name"
}

dotnet build -c Release bench/ThiDua.LoadTest -v q -nologo >/dev/null
run() { dotnet run -c Release --no-build --project bench/ThiDua.LoadTest -- --no-baselines "$@"; }

# scenario name → harness arguments
declare -A scenarios=(
  [lone]="--clients 1000 --rate 1 --seconds 60 --warmup 20 --warmup-rate 20 --posters 1 --lean-clients"
  [sustained]="--clients 1000 --rate 100 --seconds 60 --warmup 10 --posters 16 --lean-clients"
  [ingest]="--clients 10 --rate 5000 --batch 100 --seconds 30 --warmup 5 --posters 4"
)
chosen=("$@")
(( ${#chosen[@]} )) || chosen=(lone sustained ingest)
for scenario in "${chosen[@]}"; do
  [[ -n ${scenarios[$scenario]:-} ]] || { echo "Unknown scenario $scenario (lone, sustained, ingest)." >&2; exit 2; }
  read -ra args <<<"${scenarios[$scenario]}"
  run "${args[@]}" --name "$scenario-sqlite-1"
  run "${args[@]}" --postgres "$(fresh_database "${scenario}_1")" --name "$scenario-postgres-1"
  run "${args[@]}" --postgres "$(fresh_database "${scenario}_3")" --nodes 3 --name "$scenario-postgres-3"
done
