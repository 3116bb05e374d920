package news.coverage.ingest.format;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.enterprise.context.ApplicationScoped;
import news.coverage.ingest.item.InvalidItemException;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads the SmartableAI Markdown format: YAML front matter between {@code ---} lines, then a Markdown body (often
 * empty), which is kept as the {@code body} field. The YAML parser runs with its safety limits on.
 */
@ApplicationScoped
public class MarkdownReader {

    static final String BODY = "body";
    private static final String FENCE = "---";

    private final YAMLMapper yaml;

    public MarkdownReader() {
        LoaderOptions limits = new LoaderOptions();
        limits.setAllowDuplicateKeys(false);
        limits.setMaxAliasesForCollections(10);
        limits.setNestingDepthLimit(20);
        limits.setCodePointLimit(1_000_000);
        yaml = YAMLMapper.builder(YAMLFactory.builder().loaderOptions(limits).build())
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .build();
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
        JsonNode node;
        try {
            node = yaml.readTree(frontMatter);
        } catch (JacksonException e) {
            throw new InvalidItemException("", "the YAML front matter cannot be read: " + e.getOriginalMessage());
        }
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new InvalidItemException("", "the YAML front matter must be a mapping of fields");
    }
}
