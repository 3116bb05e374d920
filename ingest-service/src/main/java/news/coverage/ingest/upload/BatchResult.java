package news.coverage.ingest.upload;

import java.util.List;

/** The answer to a batch upload: counts, then one result per item in upload order. */
public record BatchResult(long accepted, long rejected, long unacknowledged, List<ItemResult> results) {

    static BatchResult of(List<ItemResult> results) {
        return new BatchResult(count(results, ItemResult.Status.ACCEPTED), count(results, ItemResult.Status.REJECTED),
                count(results, ItemResult.Status.UNACKNOWLEDGED), results);
    }

    private static long count(List<ItemResult> results, ItemResult.Status status) {
        return results.stream().filter(result -> result.status() == status).count();
    }
}
