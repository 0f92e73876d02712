# The REST contract: each service's build writes its OpenAPI document to <service>/target/openapi/
# (quarkus.smallrye-openapi.store-schema-directory); Redocly's CLI lints all three with redocly.yaml
# (Redocly's recommended rules, warnings counted as errors). The version is pinned so that a new rule
# in a later release cannot fail an unchanged build.
REDOCLY_CLI_VERSION="${REDOCLY_CLI_VERSION:-2.77.0}"

lint_contracts() {
  command -v npx >/dev/null || die "npx (Node.js) is needed to lint the OpenAPI documents"
  local service
  for service in ingest-service entity-service query-service; do
    [ -s "$LITGRAPH_HOME/$service/target/openapi/openapi.yaml" ] \
      || die "$service/target/openapi/openapi.yaml is missing: the build did not write the OpenAPI document"
  done
  info "linting the OpenAPI documents with @redocly/cli@$REDOCLY_CLI_VERSION (redocly.yaml)"
  (cd "$LITGRAPH_HOME" && npx --yes "@redocly/cli@$REDOCLY_CLI_VERSION" lint --config redocly.yaml --format stylish) \
    || die "the OpenAPI documents do not pass redocly lint (see above)"
}
