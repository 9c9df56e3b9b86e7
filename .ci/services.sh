# Sourced by .ci/run: the servers the PostgreSQL and cluster tests need, from Debian's packages.
# Each function prints what went wrong and returns non-zero; .ci/run then fails (never skips).

# The role the tests connect as, and the connection string they read (tests/ThiDua.Dashboard.Tests/
# Hosting/PostgresTestDatabase.cs falls back to exactly this when THIDUA_TEST_POSTGRES is unset).
THIDUA_TEST_ROLE=thidua_test
THIDUA_TEST_PASSWORD=thidua_test
THIDUA_TEST_POSTGRES_DEFAULT="Host=127.0.0.1;Port=5432;Username=$THIDUA_TEST_ROLE;Password=$THIDUA_TEST_PASSWORD;Database=postgres"

install_missing_packages() {
  local missing=()
  command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
  [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
  (( ${#missing[@]} == 0 )) && return 0
  echo "Installing ${missing[*]} (PostgreSQL provider and cluster tests)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update && apt-get install -y "${missing[@]}" || { echo "apt-get install ${missing[*]} failed." >&2; return 1; }
  # Debian starts nginx on port 80 after installing it; the tests run their own instances instead.
  if command -v systemctl >/dev/null 2>&1; then systemctl disable --now nginx >/dev/null 2>&1 || true; fi
}

# Starts the newest installed PostgreSQL's "main" cluster (creating it if the package did not) and makes
# sure the test role exists with CREATEDB and its password; then checks a login over TCP as that role.
start_postgres() {
  local version
  version=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)
  [[ -n $version ]] || { echo "No PostgreSQL server under /usr/lib/postgresql." >&2; return 1; }
  if ! pg_lsclusters --no-header 2>/dev/null | awk '{print $1, $2}' | grep -qx "$version main"; then
    pg_createcluster "$version" main >/dev/null || { echo "pg_createcluster $version main failed." >&2; return 1; }
  fi
  if ! pg_ctlcluster "$version" main status >/dev/null 2>&1; then
    pg_ctlcluster "$version" main start || { echo "pg_ctlcluster $version main start failed; see /var/log/postgresql/." >&2; return 1; }
  fi
  pg_isready -h 127.0.0.1 -p 5432 -t 30 >/dev/null || { echo "PostgreSQL $version does not answer on 127.0.0.1:5432." >&2; return 1; }
  runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q -d postgres <<SQL || { echo "Could not create the role $THIDUA_TEST_ROLE." >&2; return 1; }
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$THIDUA_TEST_ROLE') THEN
    CREATE ROLE $THIDUA_TEST_ROLE LOGIN CREATEDB PASSWORD '$THIDUA_TEST_PASSWORD';
  ELSE
    ALTER ROLE $THIDUA_TEST_ROLE LOGIN CREATEDB PASSWORD '$THIDUA_TEST_PASSWORD';
  END IF;
END
\$\$;
SQL
  PGPASSWORD=$THIDUA_TEST_PASSWORD psql -h 127.0.0.1 -p 5432 -U "$THIDUA_TEST_ROLE" -d postgres -tAc 'SELECT 1' >/dev/null \
    || { echo "Cannot sign in to PostgreSQL as $THIDUA_TEST_ROLE over TCP." >&2; return 1; }
  echo "PostgreSQL $version ready on 127.0.0.1:5432 (role $THIDUA_TEST_ROLE)."
}
