package news.coverage.ingest.item;

/**
 * One reason an item is rejected.
 *
 * @param field   a JSON-pointer-like path to the field, such as {@code /provider/domain}; empty for the whole item
 * @param message what is wrong, for a person to act on
 */
public record FieldError(String field, String message) {

    @Override
    public String toString() {
        return (field.isEmpty() ? "item" : field) + ": " + message;
    }
}
