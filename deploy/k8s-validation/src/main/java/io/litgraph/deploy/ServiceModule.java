package io.litgraph.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the manifests must agree with in one service module: its port, topics, group ids and config. */
public final class ServiceModule {
    private static final Pattern ENV_WITHOUT_DEFAULT = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    private final String name;
    private final Path dir;
    private final Properties properties = new Properties();

    private ServiceModule(String name, Path dir) {
        this.name = name;
        this.dir = dir;
        Path file = dir.resolve("src/main/resources/application.properties");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The module {@code <repoRoot>/<name>}. */
    public static ServiceModule at(Path repoRoot, String name) {
        return new ServiceModule(name, repoRoot.resolve(name));
    }

    public String name() {
        return name;
    }

    public Path dir() {
        return dir;
    }

    public Optional<String> property(String key) {
        return Optional.ofNullable(properties.getProperty(key)).map(String::strip);
    }

    public int httpPort() {
        return Integer.parseInt(property("quarkus.http.port")
                .orElseThrow(() -> new IllegalStateException(name + " sets no quarkus.http.port")));
    }

    /** The consumer group of the incoming channel reading {@code topic}; SmallRye's default is the application name. */
    public Optional<String> consumerGroupOf(String topic) {
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic") && topic.equals(property(key).orElse(""))) {
                String channel = key.substring(0, key.length() - ".topic".length());
                return property(channel + ".group.id").or(() -> property("quarkus.application.name"));
            }
        }
        return Optional.empty();
    }

    /** Topics of every incoming and outgoing channel. */
    public Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("mp.messaging.") && key.endsWith(".topic")) {
                topics.add(property(key).orElseThrow());
            }
        }
        return topics;
    }

    /**
     * Environment variables the service needs from its deployment, derived from application.properties:
     * <ul>
     *   <li>{@code ${VAR}} references without a default;</li>
     *   <li>keys whose value points at localhost (a laptop default, wrong in a pod), e.g.
     *       {@code kafka.bootstrap.servers} → {@code KAFKA_BOOTSTRAP_SERVERS};</li>
     *   <li>datasource credentials (the file holds the local defaults).</li>
     * </ul>
     * Profile-specific keys ({@code %dev.}, {@code %test.}) are skipped. Keys that only a typed config
     * mapping knows about (an {@code Optional} without default) cannot be seen here; the tests list those.
     */
    public Set<String> requiredEnvironment() {
        Set<String> required = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            String value = property(key).orElse("");
            Matcher reference = ENV_WITHOUT_DEFAULT.matcher(value);
            while (reference.find()) {
                required.add(reference.group(1));
            }
            if (key.startsWith("%")) {
                continue;
            }
            String bare = key;
            if (value.contains("localhost") || value.contains("127.0.0.1")) {
                required.add(environmentName(bare));
            }
            if (bare.equals("quarkus.datasource.username") || bare.equals("quarkus.datasource.password")) {
                required.add(environmentName(bare));
            }
        }
        return required;
    }

    /** The MicroProfile Config rule: every non-alphanumeric character becomes '_', then upper case. */
    public static String environmentName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
