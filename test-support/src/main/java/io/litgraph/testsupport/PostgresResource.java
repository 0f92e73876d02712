package io.litgraph.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL server (embedded binaries, started as a child process) for one test run. The
 * service under test gets its own role and schema, as in production, so least-privilege mistakes show
 * up in tests. Init arguments: {@code role} (default litgraph) and {@code schema} (default = role).
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {
    private EmbeddedPostgres postgres;
    private String role = "litgraph";
    private String schema = "litgraph";

    @Override
    public void init(Map<String, String> initArgs) {
        role = initArgs.getOrDefault("role", role);
        schema = initArgs.getOrDefault("schema", role);
    }

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgres.builder().start();
            String password = "test-" + role;
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
                s.execute("CREATE SCHEMA " + schema + " AUTHORIZATION " + role);
                s.execute("ALTER ROLE " + role + " SET search_path = " + schema);
            }
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres?currentSchema=" + schema;
            return Map.of(
                    "quarkus.datasource.jdbc.url", url,
                    "quarkus.datasource.username", role,
                    "quarkus.datasource.password", password);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the test PostgreSQL", e);
        }
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
