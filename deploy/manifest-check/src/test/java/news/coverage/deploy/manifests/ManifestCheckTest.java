package news.coverage.deploy.manifests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The manifests under deploy/k8s agree with the services, in every overlay; and a copy broken in one place (a probe
 * path, a port, a topic, an environment variable, a kind, the YAML itself) fails the check with that place named.
 */
class ManifestCheckTest {

    private static final Path REPOSITORY = Path.of("../..").toAbsolutePath().normalize();
    private static final Path MANIFESTS = REPOSITORY.resolve("deploy/k8s");

    @ParameterizedTest
    @ValueSource(strings = { "base", "overlays/dev", "overlays/prod", "overlays/serverless" })
    void shippedManifestsMatchTheServices(String kustomization) {
        assertEquals(List.of(), ManifestCheck.check(MANIFESTS.resolve(kustomization), REPOSITORY));
    }

    @Test
    void overlaysChangeWhatTheySay() {
        var prod = Kustomize.render(MANIFESTS.resolve("overlays/prod"));
        var ingest = prod.stream().filter(resource -> Resources.id(resource).equals("Deployment/ingest-service")).findFirst().orElseThrow();
        assertEquals(2, ingest.path("spec").path("replicas").asInt());
        assertEquals("1", ingest.at("/spec/template/spec/containers/0/resources/requests/cpu").asText());
        assertEquals("/q/health/ready", ingest.at("/spec/template/spec/containers/0/readinessProbe/httpGet/path").asText(),
                "a patch merges into the container of the same name, it does not replace it");
        var serverless = Kustomize.render(MANIFESTS.resolve("overlays/serverless"));
        assertTrue(serverless.stream().noneMatch(resource -> Resources.id(resource).equals("Deployment/ingest-service")));
        assertTrue(serverless.stream().anyMatch(resource -> resource.path("apiVersion").asText().equals("serving.knative.dev/v1")));
    }

    static Stream<Arguments> brokenCopies() {
        return Stream.of(
                broken("probe path", "base/catalog-service.yaml", "path: /q/health/ready", "path: /q/health/readyz",
                        "readinessProbe path /q/health/readyz"),
                broken("container port", "base/ingest-service.yaml", "containerPort: 8081", "containerPort: 8080",
                        "container port [8080] is not the service's HTTP port 8081"),
                broken("Service target port", "base/recommend-service.yaml", "targetPort: http", "targetPort: 8080",
                        "targetPort 8080"),
                broken("topic name", "base/kafka-topics.yaml", "topicName: articles.cataloged\n",
                        "topicName: articles.catalogued\n", "topic articles.cataloged has no KafkaTopic"),
                broken("environment variable", "base/catalog-service.yaml", "- name: MONGODB_URI", "- name: MONGO_URI",
                        "environment variable MONGO_URI maps to no configuration key"),
                broken("ConfigMap key", "base/recommend-service.yaml", "  POSTGRES_URL:", "  POSTGRES_URI:",
                        "environment variable POSTGRES_URI"),
                broken("unknown kind", "base/minio.yaml", "apiVersion: batch/v1", "apiVersion: batch/v2",
                        "unknown kind Job in batch/v2"),
                broken("YAML", "base/kafka.yaml", "  replicas: 1\n", "  replicas: [1\n", "cannot be read"),
                broken("scaling group", "overlays/prod/consumer-scaling.yaml", "consumerGroup: catalog-service",
                        "consumerGroup: catalog", "consumer group catalog is not the group"),
                broken("patch target", "overlays/prod/service-resources.yaml", "name: recommend-service\nspec:",
                        "name: recommender\nspec:", "a patch targets Deployment/recommender"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCopies")
    void brokenCopyFailsTheCheck(String what, String file, String from, String to, String problem, @TempDir Path copy)
            throws IOException {
        copyTree(MANIFESTS, copy);
        Path broken = copy.resolve(file);
        String text = Files.readString(broken);
        String changed = text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        assertNotEquals(text, changed, "the example must change " + file);
        Files.writeString(broken, changed);

        List<String> problems = ManifestCheck.check(copy.resolve("overlays/prod"), REPOSITORY);

        assertTrue(problems.stream().anyMatch(found -> found.contains(problem)), what + ": expected '" + problem
                + "' among " + problems);
    }

    @Test
    void serverlessIngestMustNotSetWhatTheServiceDoesNotRead(@TempDir Path copy) throws IOException {
        copyTree(MANIFESTS, copy);
        Path knative = copy.resolve("overlays/serverless/ingest-knative.yaml");
        Files.writeString(knative, Files.readString(knative).replace("MP_MESSAGING_INCOMING_STORAGE_EVENTS_ENABLED",
                "STORAGE_EVENTS_ENABLED"));

        assertTrue(ManifestCheck.check(copy.resolve("overlays/serverless"), REPOSITORY).stream()
                .anyMatch(problem -> problem.contains("STORAGE_EVENTS_ENABLED maps to no configuration key")));
    }

    private static Arguments broken(String what, String file, String from, String to, String problem) {
        return Arguments.of(what, file, from, to, problem);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
