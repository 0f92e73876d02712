# Settings, each overridable from the environment. Ports and names are chosen so that a second stack
# (the end-to-end test) can run beside a user's stack by changing LITGRAPH_RUN_DIR, ports and DB name.
RUN_DIR="${LITGRAPH_RUN_DIR:-$LITGRAPH_HOME/.litgraph}"
LOG_DIR="$RUN_DIR/logs"
PID_DIR="$RUN_DIR/pids"
SECRETS_FILE="$RUN_DIR/secrets.env"

INGEST_PORT="${LITGRAPH_INGEST_PORT:-8081}"
ENTITY_PORT="${LITGRAPH_ENTITY_PORT:-8082}"
QUERY_PORT="${LITGRAPH_QUERY_PORT:-8083}"

KAFKA_PORT="${LITGRAPH_KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${LITGRAPH_KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_BOOTSTRAP="${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:$KAFKA_PORT}"
KAFKA_HEAP="${LITGRAPH_KAFKA_HEAP:-512m}"

PG_HOST="${LITGRAPH_PG_HOST:-127.0.0.1}"
PG_PORT="${LITGRAPH_PG_PORT:-5432}"
PG_DB="${LITGRAPH_DB:-litgraph}"
# Roles are cluster-wide, so they carry the database name: two stacks on one server never share a role.
PG_INGEST_ROLE="${PG_DB}_ingest"
PG_QUERY_ROLE="${PG_DB}_query"

VOCAB_SRC_DIR="${LITGRAPH_VOCAB_SRC:-$LITGRAPH_HOME/.litgraph/vocab-src}"
VOCAB_ARTIFACT="${LITGRAPH_VOCAB_PATH:-$LITGRAPH_HOME/.litgraph/vocab/litgraph-vocab.bin}"
SHARED_VOCAB_DIR="${LITGRAPH_SHARED_VOCAB:-$LITGRAPH_HOME/../shared/vocab}"

SEEDS_DIR="${LITGRAPH_SEEDS:-$LITGRAPH_HOME/seeds}"
SERVICE_HEAP="${LITGRAPH_SERVICE_HEAP:-512m}"
ENTITY_HEAP="${LITGRAPH_ENTITY_HEAP:-2g}"
READY_TIMEOUT="${LITGRAPH_READY_TIMEOUT:-180}"
CLI_JAR="$LITGRAPH_HOME/cli/target/litgraph-cli.jar"
