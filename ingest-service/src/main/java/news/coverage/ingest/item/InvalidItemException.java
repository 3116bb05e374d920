package news.coverage.ingest.item;

import java.util.List;

/** An item that cannot be accepted, with every reason found, each naming the field it is about. */
public class InvalidItemException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidItemException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::toString).reduce((a, b) -> a + "; " + b).orElse("invalid item"));
        this.errors = List.copyOf(errors);
    }

    public InvalidItemException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
