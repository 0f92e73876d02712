# Builds the project when an artifact is missing or a source file is newer than the last build.
ARTIFACTS=(
  "ingest-service/target/quarkus-app/quarkus-run.jar"
  "entity-service/target/quarkus-app/quarkus-run.jar"
  "query-service/target/quarkus-app/quarkus-run.jar"
  "cli/target/litgraph-cli.jar"
  "deploy/local/kafka/target/libs"
)

build_needed() {
  local stamp="$RUN_DIR/build.stamp" a
  for a in "${ARTIFACTS[@]}"; do [ -e "$LITGRAPH_HOME/$a" ] || return 0; done
  [ -f "$stamp" ] || return 0
  [ -n "$(cd "$LITGRAPH_HOME" && find pom.xml events nlp nlp-tools ingest-service entity-service query-service cli deploy/local \
      -newer "$stamp" -type f \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) \
      -not -path '*/target/*' 2>/dev/null | head -1)" ]
}

ensure_build() {
  if [ "${LITGRAPH_SKIP_BUILD:-0}" = 1 ]; then return 0; fi
  command -v mvn >/dev/null || die "Maven (mvn) is needed to build litgraph; install it (Debian: apt-get install maven)"
  mkdir -p "$RUN_DIR"
  if build_needed; then
    info "building (mvn install -DskipTests; the first build downloads dependencies)..."
    local started=$SECONDS
    (cd "$LITGRAPH_HOME" && mvn -B -ntp -q install -DskipTests -DskipITs) > "$RUN_DIR/build.log" 2>&1 \
      || { tail -40 "$RUN_DIR/build.log" >&2; die "build failed; full log in $RUN_DIR/build.log"; }
    touch "$RUN_DIR/build.stamp"
    info "built in $((SECONDS - started))s"
  fi
}
