# The three services, each its own JVM from its Quarkus fast-jar, configured by environment variables.
SERVICES=(ingest-service entity-service query-service)

service_port() {
  case $1 in
    ingest-service) echo "$INGEST_PORT" ;;
    entity-service) echo "$ENTITY_PORT" ;;
    query-service) echo "$QUERY_PORT" ;;
  esac
}

service_env() {
  local svc=$1
  echo "QUARKUS_HTTP_PORT=$(service_port "$svc")"
  echo "KAFKA_BOOTSTRAP_SERVERS=$KAFKA_BOOTSTRAP"
  # three JVMs start at once on two cores: a first connection can take longer than the 5 s default
  echo "QUARKUS_DATASOURCE_JDBC_ACQUISITION_TIMEOUT=30S"
  case $svc in
    ingest-service)
      echo "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB?currentSchema=ingest"
      echo "QUARKUS_DATASOURCE_USERNAME=$PG_INGEST_ROLE"
      echo "QUARKUS_DATASOURCE_PASSWORD=$PG_INGEST_PASSWORD"
      echo "LITGRAPH_INGEST_API_KEYS=$LITGRAPH_API_KEY" ;;
    query-service)
      echo "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB?currentSchema=query"
      echo "QUARKUS_DATASOURCE_USERNAME=$PG_QUERY_ROLE"
      echo "QUARKUS_DATASOURCE_PASSWORD=$PG_QUERY_PASSWORD" ;;
    entity-service)
      # POST /api/annotate takes the same key as ingest's writes
      echo "LITGRAPH_ANNOTATE_API_KEYS=$LITGRAPH_API_KEY"
      [ -f "$VOCAB_ARTIFACT" ] && echo "LITGRAPH_VOCAB_PATH=$VOCAB_ARTIFACT" ;;
  esac
}

service_ready() { curl -fs -o /dev/null "http://127.0.0.1:$(service_port "$1")/q/health/ready"; }

start_services() {
  load_or_create_secrets
  local svc
  for svc in "${SERVICES[@]}"; do
    local pid; pid=$(read_pid "$svc")
    if pid_alive "$pid"; then info "$svc already running (pid $pid)"; continue; fi
    port_open 127.0.0.1 "$(service_port "$svc")" && die "port $(service_port "$svc") is taken by another process; set LITGRAPH_${svc%%-*}_PORT"
    local jar="$LITGRAPH_HOME/$svc/target/quarkus-app/quarkus-run.jar" heap=$SERVICE_HEAP
    [ -f "$jar" ] || die "$jar missing; run the build (mvn install -DskipTests)"
    [ "$svc" = entity-service ] && heap=$ENTITY_HEAP
    info "starting $svc on port $(service_port "$svc")"
    # env -i keeps the services' configuration to what is written here (plus PATH/HOME/JAVA_HOME)
    env -i PATH="$PATH" HOME="${HOME:-/root}" ${JAVA_HOME:+JAVA_HOME="$JAVA_HOME"} $(service_env "$svc") \
      nohup java -Xmx"$heap" -jar "$jar" > "$LOG_DIR/$svc.log" 2>&1 &
    echo $! > "$PID_DIR/$svc.pid"
  done
  for svc in "${SERVICES[@]}"; do
    wait_until "$READY_TIMEOUT" "$svc is ready on port $(service_port "$svc")" service_up "$svc" \
      || { tail -40 "$LOG_DIR/$svc.log" >&2; die "$svc did not become ready; see $LOG_DIR/$svc.log"; }
  done
}

service_up() {
  pid_alive "$(read_pid "$1")" || { tail -40 "$LOG_DIR/$1.log" >&2; die "$1 exited; see $LOG_DIR/$1.log"; }
  service_ready "$1"
}

stop_services() {
  local i
  for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do stop_pid "${SERVICES[$i]}"; done
}

services_status() {
  local rc=0 svc
  for svc in "${SERVICES[@]}"; do
    local pid; pid=$(read_pid "$svc")
    if service_ready "$svc"; then
      echo "$(printf '%-10s' "${svc%-service}")UP    http://127.0.0.1:$(service_port "$svc")${pid:+ pid=$pid}"
    else
      echo "$(printf '%-10s' "${svc%-service}")DOWN  http://127.0.0.1:$(service_port "$svc")${pid:+ pid=$pid}"; rc=1
    fi
  done
  return $rc
}

ingest_seeds() {
  info "ingesting $SEEDS_DIR"
  java -jar "$CLI_JAR" ingest "$SEEDS_DIR"/*.txt --url "http://127.0.0.1:$INGEST_PORT" --api-key "$LITGRAPH_API_KEY" \
    --wait --timeout 300 || die "ingesting the seeds failed (logs in $LOG_DIR)"
}

print_summary() {
  java -jar "$CLI_JAR" summary --query-url "http://127.0.0.1:$QUERY_PORT" --ingest-url "http://127.0.0.1:$INGEST_PORT" \
    --entity-url "http://127.0.0.1:$ENTITY_PORT" --secrets "$SECRETS_FILE"
}

install_test_prerequisites() {
  # kubectl renders the Kubernetes overlays in the deploy validation tests; Chromium and its driver run the
  # Explorer's browser test; curl is used by the launcher. A suite without its tool would prove nothing, so
  # a tool that cannot be installed stops the test command here, before anything runs.
  command -v curl >/dev/null || apt_install curl || die "curl is needed and could not be installed (apt-get install curl)"
  command -v mvn >/dev/null || apt_install maven || die "Maven is needed and could not be installed (apt-get install maven)"
  command -v kubectl >/dev/null || apt_install kubernetes-client \
    || die "kubectl is needed by the deploy validation tests and could not be installed (apt-get install kubernetes-client)"
  command -v npx >/dev/null || apt_install nodejs npm || die "Node.js (npx) is needed to lint the OpenAPI documents and could not be installed (apt-get install nodejs npm)"
  { command -v chromium >/dev/null && command -v chromedriver >/dev/null; } || apt_install chromium chromium-driver \
    || die "Chromium and chromedriver are needed by the Explorer browser test and could not be installed (apt-get install chromium chromium-driver)"
  command -v kubectl >/dev/null || die "kubectl is still not on PATH after installing kubernetes-client"
  { command -v chromium >/dev/null && command -v chromedriver >/dev/null; } \
    || die "chromium or chromedriver is still not on PATH after installing chromium chromium-driver"
}
