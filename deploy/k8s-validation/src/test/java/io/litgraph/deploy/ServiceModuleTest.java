package io.litgraph.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What ServiceModule reads out of an application.properties. */
class ServiceModuleTest {

    private static ServiceModule module(Path root, String properties) throws Exception {
        Path resources = root.resolve("svc/src/main/resources");
        Files.createDirectories(resources);
        Files.writeString(resources.resolve("application.properties"), properties);
        return ServiceModule.at(root, "svc");
    }

    @Test
    void derivesTheEnvironmentACLusterMustProvide(@TempDir Path root) throws Exception {
        ServiceModule svc = module(root, """
                quarkus.application.name=svc
                quarkus.http.port=8089
                kafka.bootstrap.servers=localhost:9092
                quarkus.datasource.jdbc.url=jdbc:postgresql://localhost:5432/litgraph
                quarkus.datasource.username=u
                quarkus.datasource.password=p
                litgraph.token=${SVC_TOKEN}
                litgraph.optional=${SVC_OPTIONAL:fallback}
                %dev.litgraph.keys=dev
                %test.kafka.bootstrap.servers=localhost:1
                quarkus.log.level=INFO
                """);
        assertEquals(Set.of("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD", "SVC_TOKEN"), svc.requiredEnvironment());
        assertEquals(8089, svc.httpPort());
    }

    @Test
    void findsTheConsumerGroupOfATopicWithTheApplicationNameAsDefault(@TempDir Path root) throws Exception {
        ServiceModule svc = module(root, """
                quarkus.application.name=svc
                mp.messaging.incoming.a.topic=topic.a
                mp.messaging.incoming.a.group.id=group-a
                mp.messaging.incoming.b.topic=topic.b
                mp.messaging.outgoing.c.topic=topic.c
                """);
        assertEquals(Optional.of("group-a"), svc.consumerGroupOf("topic.a"));
        assertEquals(Optional.of("svc"), svc.consumerGroupOf("topic.b"));
        assertEquals(Optional.empty(), svc.consumerGroupOf("topic.c"));
        assertEquals(Set.of("topic.a", "topic.b", "topic.c"), svc.topics());
    }

    @Test
    void mapsPropertyNamesToEnvironmentNamesLikeMicroProfileConfig() {
        assertEquals("LITGRAPH_INGEST_API_KEYS", ServiceModule.environmentName("litgraph.ingest.api-keys"));
        assertEquals("QUARKUS_DATASOURCE_JDBC_URL", ServiceModule.environmentName("quarkus.datasource.jdbc.url"));
    }
}
