package news.coverage.ingest.problem;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;
import news.coverage.ingest.format.LimitExceededException;
import news.coverage.ingest.format.MalformedUploadException;
import news.coverage.ingest.item.FieldError;
import news.coverage.ingest.item.InvalidItemException;
import news.coverage.ingest.storage.InvalidNotificationException;
import news.coverage.ingest.upload.BrokerUnavailableException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import software.amazon.awssdk.core.exception.SdkException;

import java.net.URI;
import java.util.List;

/** The ingest failures as RFC 9457 problem+json: what is wrong, and where (the HTTP edge's own are in http-problems). */
public class ProblemMappers {

    /** Seconds after which a client may retry what the broker did not acknowledge. */
    static final int RETRY_AFTER_SECONDS = 10;

    @ServerExceptionMapper
    public Response invalidItem(InvalidItemException e) {
        return HttpProblem.builder()
                .withType(URI.create("urn:news-coverage:problem:invalid-item"))
                .withTitle("The item is invalid")
                .withStatus(422)
                .withDetail(e.getMessage())
                .with("errors", e.errors())
                .build()
                .toResponse();
    }

    @ServerExceptionMapper
    public Response invalidNotification(InvalidNotificationException e) {
        return HttpProblem.builder()
                .withType(URI.create("urn:news-coverage:problem:invalid-notification"))
                .withTitle("The storage notification cannot be acted on")
                .withStatus(422)
                .withDetail(e.field() + ": " + e.getMessage())
                .with("errors", List.of(new FieldError(e.field(), e.getMessage())))
                .build()
                .toResponse();
    }

    @ServerExceptionMapper
    public Response malformedUpload(MalformedUploadException e) {
        return HttpProblem.builder()
                .withType(URI.create("urn:news-coverage:problem:malformed-upload"))
                .withTitle("The upload cannot be read")
                .withStatus(400)
                .withDetail(e.getMessage())
                .build()
                .toResponse();
    }

    @ServerExceptionMapper
    public Response limitExceeded(LimitExceededException e) {
        return HttpProblem.builder()
                .withType(URI.create("urn:news-coverage:problem:limit-exceeded"))
                .withTitle("The upload is too large")
                .withStatus(413)
                .withDetail(e.getMessage())
                .with("limit", e.limit())
                .build()
                .toResponse();
    }

    /** The object store did not answer, or refused: the event mesh should deliver the notification again. */
    @ServerExceptionMapper
    public Response storageUnavailable(SdkException e) {
        return HttpProblem.builder()
                .withType(URI.create("urn:news-coverage:problem:storage-unavailable"))
                .withTitle("The object store cannot be read")
                .withStatus(503)
                .withDetail(e.getMessage())
                .withHeader("Retry-After", RETRY_AFTER_SECONDS)
                .build()
                .toResponse();
    }

    @ServerExceptionMapper
    public Response brokerUnavailable(BrokerUnavailableException e) {
        return HttpProblem.builder()
                .withType(URI.create("urn:news-coverage:problem:broker-unavailable"))
                .withTitle("The message broker is unavailable")
                .withStatus(503)
                .withDetail(e.getMessage())
                .withHeader("Retry-After", RETRY_AFTER_SECONDS)
                .with("results", e.results())
                .build()
                .toResponse();
    }
}
