package news.coverage.ingest.storage;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

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

        /** Why the record cannot be acted on, with the pointer of its part at fault; empty when it can. */
        Optional<InvalidNotificationException> problem(String pointer) {
            if (s3 == null) {
                return Optional.of(new InvalidNotificationException(pointer + "/s3", "a record names its bucket and object in s3"));
            }
            if (s3.bucket() == null || s3.bucket().name() == null || s3.bucket().name().isBlank()) {
                return Optional.of(new InvalidNotificationException(pointer + "/s3/bucket/name", "the bucket name is missing"));
            }
            if (s3.object() == null || s3.object().key() == null) {
                return Optional.of(new InvalidNotificationException(pointer + "/s3/object/key", "the object key is missing"));
            }
            String key;
            try {
                key = key();
            } catch (IllegalArgumentException e) {
                return Optional.of(new InvalidNotificationException(pointer + "/s3/object/key",
                        "the object key is not URL-encoded: " + e.getMessage()));
            }
            return ObjectKey.problem(key).map(message -> new InvalidNotificationException(pointer + "/s3/object/key", message));
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
