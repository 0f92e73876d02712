# Vocabulary: the Debian packages with human genes (org.Hs.eg.db), GO (GO.db) and ChEBI (oscar4) are
# fetched once into VOCAB_SRC_DIR; with the optional reference files in LITGRAPH_SHARED_VOCAB they are
# compiled into one artifact that entity-service loads. Without apt the engine's built-in vocabulary is used.

# `ensure_vocabulary_sources required` (the test command): the full-vocabulary tests need the sources, so
# failing to fetch them is an error; `up` falls back to the built-in vocabulary with a warning.
ensure_vocabulary_sources() {
  local required=${1:-}
  local script="$LITGRAPH_HOME/nlp/scripts/fetch-debian-vocab.sh"
  if [ ! -x "$script" ]; then
    [ "$required" = required ] && die "no vocabulary fetch script at $script; the full-vocabulary tests cannot run"
    warn "no vocabulary fetch script; using the built-in vocabulary"
    return 0
  fi
  if ! "$script" "$VOCAB_SRC_DIR" >&2; then
    [ "$required" = required ] && die "could not fetch the Debian vocabularies into $VOCAB_SRC_DIR (see above); the full-vocabulary tests need them"
    warn "could not fetch the Debian vocabularies; continuing with what is there"
  fi
  if [ "$required" = required ]; then
    # the script exits 0 without apt-get: what counts is that the three sources are there
    local f
    for f in usr/lib/R/site-library/org.Hs.eg.db/extdata/org.Hs.eg.sqlite usr/lib/R/site-library/GO.db/extdata/GO.sqlite chebi.obo; do
      [ -s "$VOCAB_SRC_DIR/$f" ] || die "vocabulary source $VOCAB_SRC_DIR/$f is missing (needs apt-get and dpkg-deb); the full-vocabulary tests need it"
    done
  fi
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
