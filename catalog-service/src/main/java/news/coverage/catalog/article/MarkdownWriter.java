package news.coverage.catalog.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Writes a stored item back in the SmartableAI format: YAML front matter between {@code ---} lines, then the
 * Markdown body. What ingest derived (ids, canonical URLs) is left out, so the result reads like the upload.
 */
@ApplicationScoped
public class MarkdownWriter {

    private static final List<String> DERIVED = List.of("id", "canonicalUrl");
    private static final String BODY = "body";

    private final YAMLMapper yaml = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    public String write(ObjectNode item) {
        ObjectNode frontMatter = item.deepCopy();
        frontMatter.remove(DERIVED);
        frontMatter.path("related").forEach(related -> ((ObjectNode) related).remove(DERIVED));
        JsonNode body = frontMatter.remove(BODY);
        try {
            return "---\n" + yaml.writeValueAsString(frontMatter) + "---\n"
                    + (body == null ? "" : "\n" + body.asText() + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an item that is JSON is also YAML", e);
        }
    }
}
