package news.coverage.deploy.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Renders a kustomization as {@code kubectl kustomize} does, for the part of kustomize the manifests use:
 * {@code resources} (files and kustomization folders) and {@code patches} given by {@code path}, applied as strategic
 * merge patches (lists of named items merge by name, {@code $patch: delete} removes the target). No kubectl is
 * installed where the build runs; a kustomization using anything more is refused rather than rendered wrong.
 */
final class Kustomize {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> SUPPORTED_FIELDS = Set.of("apiVersion", "kind", "resources", "patches");

    private Kustomize() {
    }

    /** The resources the kustomization in {@code folder} renders. */
    static List<ObjectNode> render(Path folder) {
        Path file = folder.resolve("kustomization.yaml");
        ObjectNode kustomization = documents(file).stream().findFirst()
                .orElseThrow(() -> new ManifestException(file + " is empty"));
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED_FIELDS.contains(field)) {
                throw new ManifestException(file + ": the field '" + field + "' is not supported here (only "
                        + SUPPORTED_FIELDS + ")");
            }
        });
        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path resource = folder.resolve(entry.asText()).normalize();
            resources.addAll(Files.isDirectory(resource) ? render(resource) : documents(resource));
        }
        for (JsonNode patch : kustomization.path("patches")) {
            if (!patch.has("path") || patch.size() != 1) {
                throw new ManifestException(file + ": a patch is given by its path only, not " + patch);
            }
            for (ObjectNode change : documents(folder.resolve(patch.get("path").asText()))) {
                apply(resources, change, file);
            }
        }
        return resources;
    }

    /** The YAML documents of a file, each a mapping. */
    static List<ObjectNode> documents(Path file) {
        List<ObjectNode> documents = new ArrayList<>();
        try (var values = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
            while (values.hasNext()) {
                JsonNode document = values.next();
                if (document == null || document.isNull() || document.isMissingNode()) {
                    continue;
                }
                if (!document.isObject()) {
                    throw new ManifestException(file + ": a document is not a mapping");
                }
                documents.add((ObjectNode) document);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ManifestException manifest) {
                throw manifest;
            }
            throw new ManifestException(file + " cannot be read: " + e.getMessage());
        }
        return documents;
    }

    private static void apply(List<ObjectNode> resources, ObjectNode change, Path kustomization) {
        ObjectNode target = resources.stream().filter(resource -> sameObject(resource, change)).findFirst()
                .orElseThrow(() -> new ManifestException(kustomization + ": a patch targets " + Resources.id(change)
                        + ", which is not among the resources"));
        if ("delete".equals(change.path("$patch").asText())) {
            resources.remove(target);
        } else {
            merge(target, change);
        }
    }

    private static boolean sameObject(ObjectNode resource, ObjectNode change) {
        return Objects.equals(resource.path("apiVersion").asText(), change.path("apiVersion").asText())
                && Objects.equals(resource.path("kind").asText(), change.path("kind").asText())
                && Objects.equals(Resources.name(resource), Resources.name(change));
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        for (Iterator<String> names = patch.fieldNames(); names.hasNext();) {
            String name = names.next();
            JsonNode value = patch.get(name);
            JsonNode current = target.get(name);
            if (current instanceof ObjectNode object && value instanceof ObjectNode change) {
                merge(object, change);
            } else if (current instanceof ArrayNode list && value instanceof ArrayNode changes && isNamed(list)
                    && isNamed(changes)) {
                mergeByName(list, changes);
            } else {
                target.set(name, value.deepCopy());
            }
        }
    }

    /** Containers, ports, env entries, volumes: the items of the patch merge into the items of the same name. */
    private static void mergeByName(ArrayNode list, ArrayNode changes) {
        for (JsonNode change : changes) {
            JsonNode existing = null;
            for (JsonNode item : list) {
                if (item.get("name").equals(change.get("name"))) {
                    existing = item;
                }
            }
            if (existing == null) {
                list.add(change.deepCopy());
            } else {
                merge((ObjectNode) existing, (ObjectNode) change);
            }
        }
    }

    private static boolean isNamed(ArrayNode list) {
        for (JsonNode item : list) {
            if (!item.isObject() || !item.has("name")) {
                return false;
            }
        }
        return !list.isEmpty();
    }

    /** A manifest that cannot be rendered at all. */
    static final class ManifestException extends RuntimeException {
        ManifestException(String message) {
            super(message);
        }
    }
}
