# Small helpers shared by the launcher's parts.
info() { printf '\033[1;34m[litgraph]\033[0m %s\n' "$*" >&2; }
warn() { printf '\033[1;33m[litgraph] warning:\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[litgraph] error:\033[0m %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" = 0 ]; }

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

pid_alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

read_pid() { [ -f "$PID_DIR/$1.pid" ] && cat "$PID_DIR/$1.pid" || true; }

# wait_until SECONDS DESCRIPTION COMMAND... : polls COMMAND every half second
wait_until() {
  local timeout=$1 what=$2; shift 2
  local deadline=$((SECONDS + timeout))
  until "$@"; do
    [ $SECONDS -ge $deadline ] && return 1
    sleep 0.5
  done
  info "$what"
}

# stop_pid NAME : TERM, then KILL after a grace period; removes the PID file
stop_pid() {
  local name=$1 pid
  pid=$(read_pid "$name")
  if pid_alive "$pid"; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do pid_alive "$pid" || break; sleep 0.5; done
    if pid_alive "$pid"; then warn "$name did not stop on TERM; killing"; kill -9 "$pid" 2>/dev/null || true; fi
    info "stopped $name (pid $pid)"
  fi
  rm -f "$PID_DIR/$name.pid"
}

apt_install() {
  command -v apt-get >/dev/null || return 1
  is_root || return 1
  if [ ! -f "$LITGRAPH_HOME/.litgraph/.apt-updated" ]; then
    apt-get update -qq >/dev/null 2>&1 || true
    mkdir -p "$LITGRAPH_HOME/.litgraph" && touch "$LITGRAPH_HOME/.litgraph/.apt-updated"
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# A random secret without extra tools
random_secret() { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'; }

run_cli() {
  [ -f "$CLI_JAR" ] || ensure_build
  # CLI commands talk to the stack `up` started: its URLs and, unless given, its ingest API key
  export LITGRAPH_INGEST_URL="${LITGRAPH_INGEST_URL:-http://127.0.0.1:$INGEST_PORT}"
  export LITGRAPH_ENTITY_URL="${LITGRAPH_ENTITY_URL:-http://127.0.0.1:$ENTITY_PORT}"
  export LITGRAPH_QUERY_URL="${LITGRAPH_QUERY_URL:-http://127.0.0.1:$QUERY_PORT}"
  export KAFKA_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP"
  # annotate/evaluate use the vocabulary `up` compiled (when there is one) rather than the small built-in core
  if [ -z "${LITGRAPH_VOCAB_PATH:-}" ] && [ -f "$VOCAB_ARTIFACT" ]; then
    export LITGRAPH_VOCAB_PATH="$VOCAB_ARTIFACT"
  fi
  # train records the source commit in the model it writes
  if [ -z "${LITGRAPH_GIT_COMMIT:-}" ] && command -v git >/dev/null; then
    LITGRAPH_GIT_COMMIT=$(git -C "$LITGRAPH_HOME" rev-parse --short HEAD 2>/dev/null || true)
    export LITGRAPH_GIT_COMMIT
  fi
  if [ -z "${LITGRAPH_API_KEY:-}" ] && [ -r "$SECRETS_FILE" ]; then
    LITGRAPH_API_KEY=$(sed -n 's/^LITGRAPH_API_KEY=//p' "$SECRETS_FILE")
    export LITGRAPH_API_KEY
  fi
  exec java ${LITGRAPH_CLI_JAVA_OPTS:--Xmx2g} -jar "$CLI_JAR" "$@"
}
