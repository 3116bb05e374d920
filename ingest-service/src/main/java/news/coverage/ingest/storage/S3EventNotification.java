package news.coverage.ingest.storage;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An S3 event notification, as AWS S3 and MinIO send it (MinIO adds fields around {@code Records}; they are
 * ignored). Object keys arrive URL-encoded.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record S3EventNotification(@JsonProperty("Records") List<Record> records) {

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Record(String eventName, S3 s3) {

        /** {@code ObjectCreated:Put} from AWS, {@code s3:ObjectCreated:Put} from MinIO. */
        boolean isObjectCreated() {
            return eventName != null && eventName.replaceFirst("^s3:", "").startsWith("ObjectCreated");
        }

        String bucket() {
            return s3.bucket().name();
        }

        String key() {
            return URLDecoder.decode(s3.object().key(), StandardCharsets.UTF_8);
        }
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record S3(Bucket bucket, @JsonProperty("object") S3Object object) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Bucket(String name) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record S3Object(String key, Long size) {
    }
}
