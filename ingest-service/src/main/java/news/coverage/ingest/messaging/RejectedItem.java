package news.coverage.ingest.messaging;

import io.quarkus.runtime.annotations.RegisterForReflection;
import news.coverage.ingest.item.FieldError;

import java.time.Instant;
import java.util.List;

/**
 * The value of an {@code articles.rejected} record: an item that arrived where no client waits for an answer (an
 * object in storage) and was not accepted.
 *
 * @param source where it was, such as {@code s3://incoming/batch.ndjson:3}
 * @param errors why, each with its field path
 */
@RegisterForReflection
public record RejectedItem(String source, List<FieldError> errors, Instant rejectedAt) {
}
