package news.coverage.deploy.manifests;

import io.smallrye.config.common.utils.StringUtil;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service's {@code application.properties} says that its manifests must agree with: its HTTP port, its health
 * and metrics paths, its Kafka topics and consumer groups, and which environment variables it reads.
 */
record ServiceConfiguration(String name, Map<String, String> production, Set<String> keys, Set<String> referencedVariables) {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)");
    private static final Pattern CHANNEL_TOPIC = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.(topic|dead-letter-queue\\.topic)");

    static ServiceConfiguration of(Path repository, String service) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(repository.resolve(service).resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> production = new HashMap<>();
        Set<String> keys = new HashSet<>();
        Set<String> variables = new HashSet<>();
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key);
            Matcher matcher = VARIABLE.matcher(value);
            while (matcher.find()) {
                variables.add(matcher.group(1));
            }
            boolean profiled = key.startsWith("%");
            String plain = profiled ? key.substring(key.indexOf('.') + 1) : key;
            keys.add(plain);
            if (!profiled) {
                production.putIfAbsent(plain, value);
            } else if (key.startsWith("%prod.")) {
                production.put(plain, value);
            }
        }
        return new ServiceConfiguration(service, production, keys, variables);
    }

    int httpPort() {
        return Integer.parseInt(production.getOrDefault("quarkus.http.port", "8080"));
    }

    String livenessPath() {
        return healthPath("liveness-path", "live");
    }

    String readinessPath() {
        return healthPath("readiness-path", "ready");
    }

    String startupPath() {
        return healthPath("startup-path", "started");
    }

    String metricsPath() {
        return "/" + nonApplicationRoot() + "/" + production.getOrDefault("quarkus.micrometer.export.prometheus.path", "metrics");
    }

    private String healthPath(String key, String fallback) {
        return "/" + nonApplicationRoot() + "/" + production.getOrDefault("quarkus.smallrye-health.root-path", "health") + "/"
                + production.getOrDefault("quarkus.smallrye-health." + key, fallback);
    }

    private String nonApplicationRoot() {
        return production.getOrDefault("quarkus.http.non-application-root-path", "q").replaceAll("^/|/$", "");
    }

    /** Every topic of the service's Kafka channels, dead-letter topics included. */
    Set<String> topics() {
        Set<String> topics = new HashSet<>();
        production.forEach((key, value) -> {
            if (CHANNEL_TOPIC.matcher(key).matches()) {
                topics.add(value);
            }
        });
        return topics;
    }

    /** The consumer group the service reads {@code topic} with, or null when it does not read it. */
    String consumerGroupOf(String topic) {
        for (Map.Entry<String, String> entry : production.entrySet()) {
            Matcher matcher = CHANNEL_TOPIC.matcher(entry.getKey());
            if (matcher.matches() && matcher.group(1).equals("incoming") && matcher.group(3).equals("topic")
                    && entry.getValue().equals(topic)) {
                return production.get("mp.messaging.incoming." + matcher.group(2) + ".group.id");
            }
        }
        return null;
    }

    /**
     * Whether the service reads the environment variable: its properties name it in an expression, or it is the
     * environment form of one of its keys. Only keys the properties list count: for a key with a dash (a channel
     * name) the environment form is ambiguous and is only resolved when the key is known.
     */
    boolean reads(String variable) {
        return referencedVariables.contains(variable) || keys.stream()
                .anyMatch(key -> StringUtil.replaceNonAlphanumericByUnderscores(key).toUpperCase().equals(variable));
    }
}
