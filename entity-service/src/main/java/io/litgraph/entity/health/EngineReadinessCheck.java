package io.litgraph.entity.health;

import io.litgraph.entity.service.EngineLoader;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once the engine and its vocabulary are loaded; Kafka readiness comes from the connector. */
@Readiness
@ApplicationScoped
public class EngineReadinessCheck implements HealthCheck {
    private final EngineLoader loader;

    public EngineReadinessCheck(EngineLoader loader) {
        this.loader = loader;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("engine").status(loader.isLoaded());
        if (loader.failure() != null) {
            response.withData("error", loader.failure());
        }
        return response.build();
    }
}
