# One component at a time: ./bin/litgraph start|stop|restart|kill COMPONENT, for operators and for the
# fault-tolerance tests (kill = SIGKILL by the recorded PID, as a crash would).
# COMPONENT: postgres | kafka | ingest-service | entity-service | query-service
COMPONENTS=(postgres kafka "${SERVICES[@]}")

require_component() {
  local c=${1:-}
  for known in "${COMPONENTS[@]}"; do [ "$c" = "$known" ] && return 0; done
  die "unknown component '${c}'; one of: ${COMPONENTS[*]}"
}

pg_cluster_ctl() {
  # pg_ctlcluster ACTION on the machine's cluster serving PG_PORT: affects every stack on that server
  local cluster; cluster=$(debian_cluster || true)
  [ -n "$cluster" ] || die "no Debian PostgreSQL cluster on port $PG_PORT to $1 (the server is not managed by litgraph)"
  info "PostgreSQL cluster $cluster: $1 (every database on this server is affected)"
  pg_ctlcluster_as_root $cluster "$@"
}

cmd_component() {
  local action=$1 component=${2:-}
  require_component "$component"
  mkdir -p "$RUN_DIR" "$LOG_DIR" "$PID_DIR"
  case "$action:$component" in
    start:postgres)
      pg_ready && { info "PostgreSQL already answers at $PG_HOST:$PG_PORT"; return 0; }
      pg_cluster_ctl start
      wait_until 60 "PostgreSQL is ready" pg_ready || die "PostgreSQL did not come up; see /var/log/postgresql/" ;;
    stop:postgres) pg_cluster_ctl stop -m fast ;;
    restart:postgres)
      # fast mode: open connections are cut, as in a crash of the server; data is kept (clean shutdown)
      pg_cluster_ctl restart -m fast
      wait_until 60 "PostgreSQL is ready" pg_ready || die "PostgreSQL did not come back; see /var/log/postgresql/" ;;
    kill:postgres) die "kill postgres is not offered: the server is shared by every stack on the machine; use restart" ;;
    start:kafka)
      if pid_alive "$(read_pid kafka)"; then info "Kafka already running (pid $(read_pid kafka))"; else start_kafka; fi ;;
    stop:kafka) stop_pid kafka ;;
    restart:kafka) stop_pid kafka; start_kafka ;;
    start:*) start_services ;;   # starts what is not running (here: the named service), waits until ready
    stop:*) stop_pid "$component" ;;
    restart:*) stop_pid "$component"; start_services ;;
    kill:*) kill_component "$component" ;;
    *) die "unknown action '$action'" ;;
  esac
}

kill_component() {
  local name=$1 pid
  pid=$(read_pid "$name")
  pid_alive "$pid" || die "$name is not running (no live PID in $PID_DIR/$name.pid)"
  kill -9 "$pid"
  for _ in $(seq 1 40); do pid_alive "$pid" || break; sleep 0.25; done
  pid_alive "$pid" && die "$name (pid $pid) survived SIGKILL"
  rm -f "$PID_DIR/$name.pid"
  info "killed $name (pid $pid) with SIGKILL"
}

cmd_bench() {
  local jar="$LITGRAPH_HOME/load-harness/target/litgraph-load-harness.jar"
  [ -f "$jar" ] || ensure_build
  [ -f "$jar" ] || die "$jar missing; build it: mvn -pl load-harness -am install -DskipTests"
  load_or_create_secrets >/dev/null
  exec java ${LITGRAPH_BENCH_JAVA_OPTS:--Xmx1g} -jar "$jar" bench --command-line "./bin/litgraph bench $*" \
    --run-dir "$RUN_DIR" --ingest-url "http://127.0.0.1:$INGEST_PORT" --query-url "http://127.0.0.1:$QUERY_PORT" \
    --bootstrap "$KAFKA_BOOTSTRAP" --corpora "${LITGRAPH_CORPORA:-$LITGRAPH_HOME/../shared/corpora}" "$@"
}
