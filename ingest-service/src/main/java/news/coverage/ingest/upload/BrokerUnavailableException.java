package news.coverage.ingest.upload;

import java.util.List;

/** The broker did not acknowledge items: they are not accepted, and the client should send them again later. */
public class BrokerUnavailableException extends RuntimeException {

    private final List<ItemResult> results;

    public BrokerUnavailableException(List<ItemResult> results) {
        super("the message broker did not acknowledge " + results.stream()
                .filter(result -> result.status() == ItemResult.Status.UNACKNOWLEDGED).count()
                + " item(s); nothing unacknowledged was accepted: send them again later");
        this.results = results;
    }

    public List<ItemResult> results() {
        return results;
    }
}
