package news.coverage.ingest.storage;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.services.s3.S3AsyncClient;

import java.time.Duration;

/** Ready only while the object store answers for every configured bucket: storage notifications need to read it. */
@Readiness
@ApplicationScoped
public class ObjectStoreHealth implements AsyncHealthCheck {

    private static final String NAME = "object store";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final S3AsyncClient s3;
    private final StorageConfig config;

    public ObjectStoreHealth(S3AsyncClient s3, StorageConfig config) {
        this.s3 = s3;
        this.config = config;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        String buckets = String.join(",", config.buckets());
        return Multi.createFrom().iterable(config.buckets())
                .onItem().transformToUniAndConcatenate(bucket -> Uni.createFrom()
                        .completionStage(() -> s3.headBucket(request -> request.bucket(bucket))))
                .collect().last()
                .ifNoItem().after(TIMEOUT).fail()
                .map(answered -> HealthCheckResponse.named(NAME).up().withData("buckets", buckets).build())
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(NAME).down()
                        .withData("buckets", buckets)
                        .withData("error", String.valueOf(failure.getMessage())).build());
    }
}
