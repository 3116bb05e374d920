package news.coverage.deploy.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static news.coverage.deploy.manifests.Resources.id;
import static news.coverage.deploy.manifests.Resources.list;
import static news.coverage.deploy.manifests.Resources.name;
import static news.coverage.deploy.manifests.Resources.ofKind;

/**
 * Checks rendered manifests against the services' configuration: known kinds only; each service container's port,
 * probe paths and Prometheus annotations as the service serves them; each environment variable one the service
 * reads; Services, ScaledObjects and sources pointing at what exists; one KafkaTopic for every topic of the services'
 * channels and no other. Answers the problems found, each naming its resource.
 */
final class ManifestCheck {

    static final List<String> SERVICES = List.of("ingest-service", "catalog-service", "recommend-service");

    /** The kinds the manifests may use, by apiVersion: Kubernetes itself and the operators the README installs. */
    private static final Map<String, Set<String>> KNOWN_KINDS = Map.of(
            "v1", Set.of("ConfigMap", "Secret", "Service", "ServiceAccount", "PersistentVolumeClaim"),
            "apps/v1", Set.of("Deployment", "StatefulSet"),
            "batch/v1", Set.of("Job"),
            "policy/v1", Set.of("PodDisruptionBudget"),
            "kafka.strimzi.io/v1beta2", Set.of("Kafka", "KafkaNodePool", "KafkaTopic"),
            "mongodbcommunity.mongodb.com/v1", Set.of("MongoDBCommunity"),
            "postgresql.cnpg.io/v1", Set.of("Cluster"),
            "serving.knative.dev/v1", Set.of("Service"),
            "sources.knative.dev/v1beta1", Set.of("KafkaSource"),
            "keda.sh/v1alpha1", Set.of("ScaledObject"));

    private final List<ObjectNode> resources;
    private final Map<String, ServiceConfiguration> services;
    /** The KafkaTopics by the topic they create. */
    private final Map<String, ObjectNode> topics;
    private final List<String> problems = new ArrayList<>();

    private ManifestCheck(List<ObjectNode> resources, Map<String, ServiceConfiguration> services) {
        this.resources = resources;
        this.services = services;
        this.topics = ofKind(resources, "kafka.strimzi.io/v1beta2", "KafkaTopic").stream().collect(Collectors.toMap(
                topic -> topic.path("spec").path("topicName").asText(name(topic)), Function.identity(), (a, b) -> a));
    }

    /** The problems of the overlay (or base) in {@code kustomization}, against the services of {@code repository}. */
    static List<String> check(Path kustomization, Path repository) {
        Map<String, ServiceConfiguration> services = SERVICES.stream()
                .collect(Collectors.toMap(Function.identity(), service -> ServiceConfiguration.of(repository, service)));
        List<ObjectNode> resources;
        try {
            resources = Kustomize.render(kustomization);
        } catch (Kustomize.ManifestException e) {
            return List.of(e.getMessage());
        }
        ManifestCheck check = new ManifestCheck(resources, services);
        check.kinds();
        check.serviceWorkloads();
        check.serviceRouting();
        check.topics();
        check.scaling();
        check.eventSources();
        return check.problems;
    }

    private void kinds() {
        for (ObjectNode resource : resources) {
            String apiVersion = resource.path("apiVersion").asText();
            if (!KNOWN_KINDS.getOrDefault(apiVersion, Set.of()).contains(Resources.kind(resource))) {
                problems.add(id(resource) + ": unknown kind " + Resources.kind(resource) + " in " + apiVersion);
            }
            if (name(resource).isBlank()) {
                problems.add(Resources.kind(resource) + " without metadata.name");
            }
        }
    }

    /** The pod templates running a service container: Deployments and Knative Services. */
    private void serviceWorkloads() {
        Set<String> deployed = new HashSet<>();
        List<ObjectNode> workloads = new ArrayList<>(ofKind(resources, "apps/v1", "Deployment"));
        workloads.addAll(ofKind(resources, "serving.knative.dev/v1", "Service"));
        for (ObjectNode workload : workloads) {
            JsonNode template = workload.path("spec").path("template");
            for (JsonNode container : template.path("spec").path("containers")) {
                ServiceConfiguration service = services.get(container.path("name").asText());
                if (service != null) {
                    deployed.add(service.name());
                    String where = id(workload) + " container " + service.name();
                    ports(where, container, service);
                    probes(where, container, service);
                    scrapeAnnotations(where, template.path("metadata").path("annotations"), service);
                    environment(where, container, service);
                }
            }
        }
        services.keySet().stream().filter(service -> !deployed.contains(service))
                .forEach(service -> problems.add(service + ": no Deployment or Knative Service runs it"));
    }

    private void ports(String where, JsonNode container, ServiceConfiguration service) {
        List<JsonNode> ports = list(container.path("ports"));
        if (ports.size() != 1 || ports.get(0).path("containerPort").asInt() != service.httpPort()) {
            problems.add(where + ": container port " + ports.stream().map(port -> port.path("containerPort").asText())
                    .toList() + " is not the service's HTTP port " + service.httpPort());
        }
    }

    private void probes(String where, JsonNode container, ServiceConfiguration service) {
        Map<String, String> expected = Map.of("startupProbe", service.startupPath(), "livenessProbe", service.livenessPath(),
                "readinessProbe", service.readinessPath());
        expected.forEach((probe, path) -> {
            JsonNode get = container.path(probe).path("httpGet");
            if (get.isMissingNode()) {
                problems.add(where + ": no " + probe);
                return;
            }
            if (!get.path("path").asText().equals(path)) {
                problems.add(where + ": " + probe + " path " + get.path("path").asText() + " is not the service's " + path);
            }
            // Knative probes name no port: they go to the one container port
            if (get.has("port") && !refersToPort(get.get("port"), container)) {
                problems.add(where + ": " + probe + " port " + get.get("port").asText() + " is not a port of the container");
            }
        });
    }

    private static boolean refersToPort(JsonNode reference, JsonNode container) {
        for (JsonNode port : container.path("ports")) {
            if (reference.isInt() ? port.path("containerPort").asInt() == reference.asInt()
                    : port.path("name").asText().equals(reference.asText())) {
                return true;
            }
        }
        return false;
    }

    private void scrapeAnnotations(String where, JsonNode annotations, ServiceConfiguration service) {
        Map<String, String> expected = Map.of("prometheus.io/scrape", "true", "prometheus.io/path", service.metricsPath(),
                "prometheus.io/port", Integer.toString(service.httpPort()));
        expected.forEach((annotation, value) -> {
            if (!annotations.path(annotation).asText().equals(value)) {
                problems.add(where + ": pod annotation " + annotation + " is '" + annotations.path(annotation).asText()
                        + "', not '" + value + "'");
            }
        });
    }

    private void environment(String where, JsonNode container, ServiceConfiguration service) {
        Set<String> variables = new TreeSet<>();
        container.path("env").forEach(variable -> variables.add(variable.path("name").asText()));
        for (JsonNode source : container.path("envFrom")) {
            String configMap = source.path("configMapRef").path("name").asText(null);
            if (configMap == null) {
                problems.add(where + ": envFrom other than a ConfigMap hides which variables are set");
                continue;
            }
            ofKind(resources, "v1", "ConfigMap").stream().filter(map -> name(map).equals(configMap)).findFirst()
                    .ifPresentOrElse(map -> map.path("data").fieldNames().forEachRemaining(variables::add),
                            () -> problems.add(where + ": ConfigMap " + configMap + " does not exist"));
        }
        variables.stream().filter(variable -> !service.reads(variable)).forEach(variable -> problems.add(where
                + ": environment variable " + variable + " maps to no configuration key " + service.name() + " reads"));
    }

    /** Each core Service in front of a service's pods sends to the container's port. */
    private void serviceRouting() {
        for (ObjectNode front : ofKind(resources, "v1", "Service")) {
            String selected = front.path("spec").path("selector").path("app.kubernetes.io/name").asText();
            ServiceConfiguration service = services.get(selected);
            if (service == null) {
                continue;
            }
            for (JsonNode port : front.path("spec").path("ports")) {
                JsonNode target = port.path("targetPort");
                boolean matches = target.isInt() ? target.asInt() == service.httpPort() : target.asText().equals("http");
                if (!matches) {
                    problems.add(id(front) + ": targetPort " + target.asText() + " is not " + service.name()
                            + "'s HTTP port (" + service.httpPort() + " or the port named http)");
                }
            }
        }
    }

    /** A KafkaTopic for every topic of the channels, and no KafkaTopic that no channel uses. */
    private void topics() {
        Set<String> used = new TreeSet<>();
        services.values().forEach(service -> used.addAll(service.topics()));
        Set<String> declared = new TreeSet<>(topics.keySet());
        used.stream().filter(topic -> !declared.contains(topic))
                .forEach(topic -> problems.add("topic " + topic + " has no KafkaTopic"));
        declared.stream().filter(topic -> !used.contains(topic))
                .forEach(topic -> problems.add("KafkaTopic " + topic + " is used by no service's channel"));
        JsonNode cataloged = topics.get("articles.cataloged");
        if (cataloged != null && !cataloged.path("spec").path("config").path("cleanup.policy").asText().contains("compact")) {
            problems.add(id(cataloged) + ": articles.cataloged must be compacted (consumers rebuild their state from it)");
        }
    }

    /** ScaledObjects scale an existing Deployment on the lag of the group that Deployment's service consumes with. */
    private void scaling() {
        for (ObjectNode scaled : ofKind(resources, "keda.sh/v1alpha1", "ScaledObject")) {
            String target = scaled.path("spec").path("scaleTargetRef").path("name").asText();
            if (ofKind(resources, "apps/v1", "Deployment").stream().noneMatch(deployment -> name(deployment).equals(target))) {
                problems.add(id(scaled) + ": scales Deployment " + target + ", which does not exist");
            }
            for (JsonNode trigger : scaled.path("spec").path("triggers")) {
                String topic = trigger.path("metadata").path("topic").asText();
                String group = trigger.path("metadata").path("consumerGroup").asText();
                ServiceConfiguration service = services.get(target);
                if (!topics.containsKey(topic)) {
                    problems.add(id(scaled) + ": topic " + topic + " has no KafkaTopic");
                }
                if (service != null && !Objects.equals(service.consumerGroupOf(topic), group)) {
                    problems.add(id(scaled) + ": consumer group " + group + " is not the group " + target
                            + " reads " + topic + " with (" + service.consumerGroupOf(topic) + ")");
                }
            }
        }
    }

    /** Kafka topics named outside the channels (MinIO's notification target, Knative's KafkaSource) exist. */
    private void eventSources() {
        for (ObjectNode source : ofKind(resources, "sources.knative.dev/v1beta1", "KafkaSource")) {
            source.path("spec").path("topics").forEach(topic -> {
                if (!topics.containsKey(topic.asText())) {
                    problems.add(id(source) + ": topic " + topic.asText() + " has no KafkaTopic");
                }
            });
            String sink = source.path("spec").path("sink").path("ref").path("name").asText();
            if (ofKind(resources, "serving.knative.dev/v1", "Service").stream().noneMatch(service -> name(service).equals(sink))) {
                problems.add(id(source) + ": sink " + sink + " is not a Knative Service here");
            }
        }
        for (ObjectNode deployment : ofKind(resources, "apps/v1", "Deployment")) {
            for (JsonNode container : deployment.path("spec").path("template").path("spec").path("containers")) {
                for (JsonNode variable : container.path("env")) {
                    if (variable.path("name").asText().startsWith("MINIO_NOTIFY_KAFKA_TOPIC")
                            && !topics.containsKey(variable.path("value").asText())) {
                        problems.add(id(deployment) + ": MinIO notifies topic " + variable.path("value").asText()
                                + ", which has no KafkaTopic");
                    }
                }
            }
        }
    }
}
