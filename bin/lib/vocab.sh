# Vocabulary: the Debian packages with human genes (org.Hs.eg.db), GO (GO.db) and ChEBI (oscar4) are
# fetched once into VOCAB_SRC_DIR; with the optional reference files in LITGRAPH_SHARED_VOCAB they are
# compiled into one artifact that entity-service loads. Without apt the engine's built-in vocabulary is used.

ensure_vocabulary_sources() {
  local script="$LITGRAPH_HOME/nlp/scripts/fetch-debian-vocab.sh"
  [ -x "$script" ] || { warn "no vocabulary fetch script; using the built-in vocabulary"; return 0; }
  "$script" "$VOCAB_SRC_DIR" >&2 || warn "could not fetch the Debian vocabularies; continuing with what is there"
}

ensure_vocabulary() {
  if [ -f "$VOCAB_ARTIFACT" ] && [ "$VOCAB_ARTIFACT" -nt "$CLI_JAR" ]; then
    info "vocabulary artifact $VOCAB_ARTIFACT is current"
  else
    ensure_vocabulary_sources
    mkdir -p "$(dirname "$VOCAB_ARTIFACT")"
    local shared_args=()
    [ -d "$SHARED_VOCAB_DIR" ] && shared_args=(--shared "$SHARED_VOCAB_DIR")
    info "compiling the vocabulary (sources: $VOCAB_SRC_DIR ${shared_args[*]:-})"
    if ! java -Xmx3g -jar "$CLI_JAR" vocab build --debian "$VOCAB_SRC_DIR" "${shared_args[@]}" --out "$VOCAB_ARTIFACT" \
        > "$LOG_DIR/vocab.log" 2>&1; then
      tail -20 "$LOG_DIR/vocab.log" >&2
      warn "vocabulary build failed (see $LOG_DIR/vocab.log); entity-service uses the built-in vocabulary"
      rm -f "$VOCAB_ARTIFACT"
    fi
  fi
}
