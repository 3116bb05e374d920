package news.coverage.deploy.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.stream.StreamSupport;

/** Reading rendered Kubernetes resources. */
final class Resources {

    private Resources() {
    }

    static String name(JsonNode resource) {
        return resource.path("metadata").path("name").asText();
    }

    static String kind(JsonNode resource) {
        return resource.path("kind").asText();
    }

    /** {@code Kind/name}, how a problem names the resource it is about. */
    static String id(JsonNode resource) {
        return kind(resource) + "/" + name(resource);
    }

    static List<ObjectNode> ofKind(List<ObjectNode> resources, String apiVersion, String kind) {
        return resources.stream()
                .filter(resource -> resource.path("apiVersion").asText().equals(apiVersion) && kind(resource).equals(kind))
                .toList();
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
