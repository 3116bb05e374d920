package news.coverage.ingest.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.enterprise.context.ApplicationScoped;
import news.coverage.ingest.item.InvalidItemException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.Map;

/**
 * Reads the SmartableAI Markdown format: YAML front matter between {@code ---} lines, then a Markdown body (often
 * empty), which is kept as the {@code body} field. SnakeYAML reads the front matter with its safety limits on:
 * no duplicate keys, at most 10 aliases (no "billion laughs"), nesting depth 20, 2,000,000 code points.
 */
@ApplicationScoped
public class MarkdownReader {

    private static final String BODY = "body";
    private static final String FENCE = "---";

    private final ObjectMapper json;
    private final LoaderOptions limits = new LoaderOptions();

    public MarkdownReader(ObjectMapper json) {
        this.json = json;
        limits.setAllowDuplicateKeys(false);
        limits.setMaxAliasesForCollections(10);
        limits.setNestingDepthLimit(20);
        limits.setCodePointLimit(2_000_000);
    }

    public ObjectNode read(String document) {
        String text = document.replace("\r\n", "\n");
        if (!text.startsWith(FENCE + "\n")) {
            throw new InvalidItemException("", "a Markdown item starts with a '---' line that opens its YAML front matter");
        }
        int end = text.indexOf("\n" + FENCE, FENCE.length());
        while (end >= 0 && !isLineEnd(text, end + 1 + FENCE.length())) {
            end = text.indexOf("\n" + FENCE, end + 1);
        }
        if (end < 0) {
            throw new InvalidItemException("", "the YAML front matter is not closed by a '---' line");
        }
        ObjectNode item = parseFrontMatter(text.substring(FENCE.length() + 1, end + 1));
        int bodyStart = Math.min(text.length(), end + 1 + FENCE.length() + 1);
        String body = text.substring(bodyStart).strip();
        if (!body.isEmpty()) {
            item.set(BODY, TextNode.valueOf(body));
        }
        return item;
    }

    private static boolean isLineEnd(String text, int index) {
        return index >= text.length() || text.charAt(index) == '\n';
    }

    private ObjectNode parseFrontMatter(String frontMatter) {
        Object document;
        try {
            // a Yaml instance is not thread-safe: one per document
            document = new Yaml(new SafeConstructor(limits), new Representer(new DumperOptions()), new DumperOptions(),
                    limits, new TextTimestamps()).load(frontMatter);
        } catch (YAMLException e) {
            throw new InvalidItemException("", "the YAML front matter cannot be read: " + e.getMessage());
        }
        if (document instanceof Map<?, ?> fields) {
            return json.valueToTree(fields);
        }
        throw new InvalidItemException("", "the YAML front matter must be a mapping of fields");
    }

    /** The YAML types but timestamps: dates stay text, for the item's own date checks and round trip. */
    private static final class TextTimestamps extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.BOOL, BOOL, "yYnNtTfFoO");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.INT, INT, "-+0123456789");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.MERGE, MERGE, "<");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, EMPTY, null);
        }
    }
}
