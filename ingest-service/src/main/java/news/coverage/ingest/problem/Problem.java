package news.coverage.ingest.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import news.coverage.ingest.item.FieldError;

import java.util.List;

/** An RFC 9457 problem detail, with the field errors that caused it. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
