package news.coverage.ingest.upload;

import com.fasterxml.jackson.annotation.JsonInclude;
import news.coverage.ingest.item.FieldError;

import java.util.List;

/**
 * What became of one item of an upload.
 *
 * @param source where the item was: file name, {@code file:line} for NDJSON, {@code archive!entry}, {@code #value/N}
 * @param id     the article id, when the item got far enough to have one
 * @param status accepted (the broker acknowledged it), rejected (it is invalid), or unacknowledged (the broker did
 *               not take it: send it again)
 * @param errors why it was not accepted
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ItemResult(String source, String id, Status status, List<FieldError> errors) {

    public enum Status {
        ACCEPTED, REJECTED, UNACKNOWLEDGED
    }
}
