package io.litgraph.ingest.health;

import io.litgraph.ingest.domain.OutboxMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.time.Instant;

/**
 * Reports the outbox backlog. It stays UP while the broker is away: accepting documents and publishing
 * them later is exactly what the outbox is for. The Database and Kafka checks (built in) decide readiness.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {
    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("outbox").up();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                response.withData("pending", OutboxMessage.backlog());
                Instant oldest = OutboxMessage.find("processedAt is null order by id").<OutboxMessage>firstResultOptional()
                        .map(m -> m.createdAt).orElse(null);
                response.withData("oldestPendingSeconds", oldest == null ? 0 : Duration.between(oldest, Instant.now()).toSeconds());
            });
        } catch (RuntimeException e) {
            // the datasource check reports the database; this one only adds numbers when it can
            response.withData("error", e.getClass().getSimpleName());
        }
        return response.build();
    }
}
