package news.coverage.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON Schema of an {@code articles.ingested} value ({@value #LOCATION}): what ingest-service publishes and what
 * its consumers may rely on. One instance is safe to share between threads.
 */
public final class IngestedArticleSchema {

    public static final String LOCATION = "META-INF/schemas/article-ingested.json";

    private final JsonSchema schema;

    private IngestedArticleSchema(JsonSchema schema) {
        this.schema = schema;
    }

    /** The schema, read from the class path. */
    public static IngestedArticleSchema load() {
        try (InputStream in = IngestedArticleSchema.class.getClassLoader().getResourceAsStream(LOCATION)) {
            if (in == null) {
                throw new IllegalStateException(LOCATION + " is not on the class path");
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
            return new IngestedArticleSchema(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in, config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each way the value breaks the schema, as "JSON pointer: what is wrong", in document order; empty when valid. */
    public List<String> violations(JsonNode value) {
        return schema.validate(value).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }
}
