package news.coverage.ingest.storage;

/**
 * A storage notification that can never be acted on (malformed, or naming an object that is not there or a key this
 * service will not read): a permanent rejection, a 422 over HTTP and a dead-letter record on Kafka, never retried.
 */
public class InvalidNotificationException extends RuntimeException {

    private final String field;

    public InvalidNotificationException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The JSON pointer of the part of the notification that is wrong, such as {@code /Records/0/s3/object/key}. */
    public String field() {
        return field;
    }
}
