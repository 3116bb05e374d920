package news.coverage.ingest.storage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/** Where uploaded objects are read from. */
@ConfigMapping(prefix = "ingest.storage")
public interface StorageConfig {

    /** An S3-compatible endpoint (MinIO, the local stack's store); AWS S3 itself when absent. */
    Optional<URI> endpoint();

    @WithDefault("us-east-1")
    String region();

    /** Static credentials; the AWS default chain (environment, profile, instance role) when absent. */
    Optional<String> accessKeyId();

    Optional<String> secretAccessKey();

    /** Path-style addressing ({@code endpoint/bucket/key}), as MinIO and most S3-compatible stores want. */
    @WithDefault("true")
    boolean pathStyle();

    /** The buckets whose notifications are acted on; any other bucket's are refused. */
    Set<String> buckets();
}
