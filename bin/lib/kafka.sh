# Kafka: use the broker at KAFKA_BOOTSTRAP_SERVERS when one answers; otherwise run a real single-node
# KRaft broker from Apache Kafka's own jars (resolved from Maven Central by deploy/local/kafka).
KAFKA_LIBS="$LITGRAPH_HOME/deploy/local/kafka/target/libs"
KAFKA_CONF_DIR="$LITGRAPH_HOME/deploy/local/kafka/config"

kafka_ready() { port_open 127.0.0.1 "$KAFKA_PORT"; }

ensure_kafka() {
  if [ -n "${KAFKA_BOOTSTRAP_SERVERS:-}" ]; then
    info "using the Kafka broker at $KAFKA_BOOTSTRAP_SERVERS"
  elif kafka_ready && ! pid_alive "$(read_pid kafka)"; then
    info "a broker already listens on 127.0.0.1:$KAFKA_PORT; using it"
  elif pid_alive "$(read_pid kafka)"; then
    info "Kafka already running (pid $(read_pid kafka))"
  else
    start_kafka
  fi
  create_topics
}

start_kafka() {
  [ -d "$KAFKA_LIBS" ] || die "Kafka jars missing in $KAFKA_LIBS (run: mvn -pl deploy/local/kafka package)"
  local dir="$RUN_DIR/kafka"
  mkdir -p "$dir/data" "$LOG_DIR" "$PID_DIR"
  sed -e "s#@PORT@#$KAFKA_PORT#g" -e "s#@CONTROLLER_PORT@#$KAFKA_CONTROLLER_PORT#g" -e "s#@LOG_DIR@#$dir/data#g" \
    "$KAFKA_CONF_DIR/server.properties.template" > "$dir/server.properties"
  if [ ! -f "$dir/data/meta.properties" ]; then
    local cluster_id
    cluster_id=$(java -cp "$KAFKA_LIBS/*" kafka.tools.StorageTool random-uuid 2>/dev/null)
    java -cp "$KAFKA_LIBS/*" -Dlog4j2.configurationFile="$KAFKA_CONF_DIR/log4j2.properties" kafka.tools.StorageTool \
      format -t "$cluster_id" -c "$dir/server.properties" --standalone --ignore-formatted > "$LOG_DIR/kafka-format.log" 2>&1 \
      || { cat "$LOG_DIR/kafka-format.log" >&2; die "could not format Kafka storage"; }
  fi
  info "starting Kafka (KRaft) on 127.0.0.1:$KAFKA_PORT"
  nohup java -Xms256m -Xmx"$KAFKA_HEAP" -Dlog4j2.configurationFile="$KAFKA_CONF_DIR/log4j2.properties" \
    -cp "$KAFKA_LIBS/*" kafka.Kafka "$dir/server.properties" > "$LOG_DIR/kafka.log" 2>&1 &
  echo $! > "$PID_DIR/kafka.pid"
  wait_until 90 "Kafka is ready" kafka_started \
    || { tail -30 "$LOG_DIR/kafka.log" >&2; die "Kafka did not start; see $LOG_DIR/kafka.log"; }
}

kafka_started() {
  pid_alive "$(read_pid kafka)" || { tail -30 "$LOG_DIR/kafka.log" >&2; die "Kafka exited; see $LOG_DIR/kafka.log"; }
  grep -q "Kafka Server started" "$LOG_DIR/kafka.log" 2>/dev/null && kafka_ready
}

create_topics() {
  java -jar "$CLI_JAR" topics create --bootstrap "$KAFKA_BOOTSTRAP" >> "$LOG_DIR/topics.log" 2>&1 \
    || { tail -20 "$LOG_DIR/topics.log" >&2; die "could not create topics; see $LOG_DIR/topics.log"; }
  info "topics ready"
}

stop_kafka() { stop_pid kafka; }

kafka_status() {
  local pid; pid=$(read_pid kafka)
  if port_open "${KAFKA_BOOTSTRAP%%:*}" "${KAFKA_BOOTSTRAP##*:}"; then
    echo "kafka      UP    $KAFKA_BOOTSTRAP${pid:+ pid=$pid}"
  else
    echo "kafka      DOWN  $KAFKA_BOOTSTRAP"; return 1
  fi
}
