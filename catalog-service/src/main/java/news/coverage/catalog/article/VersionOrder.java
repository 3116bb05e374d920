package news.coverage.catalog.article;

import java.time.Instant;

/**
 * Which version of an article the catalog keeps when records come out of order: the one ingest received last. A
 * redelivered record, or one of a stored object whose notification was handled late, is older than what the catalog
 * may hold by then; it must neither overwrite a newer version nor bring back a deleted article.
 */
public final class VersionOrder {

    private VersionOrder() {
    }

    /**
     * Whether a version received at {@code received} replaces what the catalog holds.
     *
     * @param storedReceivedAt when the stored version was received; null when none is stored, or a document written
     *                         before versions carried the time
     * @param deletedAt        when the article was deleted; null when it was not
     */
    public static boolean supersedes(Instant received, Instant storedReceivedAt, Instant deletedAt) {
        if (storedReceivedAt != null && received.isBefore(storedReceivedAt)) {
            return false;
        }
        return deletedAt == null || received.isAfter(deletedAt);
    }
}
