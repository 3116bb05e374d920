package news.coverage.ingest.format;

/** An upload beyond one of the {@link IngestLimits}. */
public class LimitExceededException extends RuntimeException {

    private final String limit;

    public LimitExceededException(String limit, String message) {
        super(message);
        this.limit = limit;
    }

    /** The configuration key of the limit, such as {@code ingest.limits.archive-bytes}. */
    public String limit() {
        return limit;
    }
}
