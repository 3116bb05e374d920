package news.coverage.deploy.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Plays MinIO's part for the local run: the local store keeps bucket {@code b} as the folder {@code b/}, and a file
 * that lands there (dropped in, or PUT to the S3 endpoint) is announced on the storage-events topic as an S3 event
 * notification, as MinIO's Kafka notifications do. Ingest then reads the object from the store and ingests it.
 */
public final class BucketDropNotifier implements AutoCloseable {

    public static final String TOPIC = "storage.events";
    /** A file is announced once it stopped changing for this long. */
    private static final long SETTLE_MILLIS = 700;

    private final Path bucketFolder;
    private final String bucket;
    private final WatchService watcher;
    private final KafkaProducer<String, String> producer;
    private final Thread thread;
    private static final ObjectMapper JSON = new ObjectMapper();

    private BucketDropNotifier(Path bucketFolder, String bucket, String bootstrapServers) throws IOException {
        this.bucketFolder = bucketFolder;
        this.bucket = bucket;
        this.watcher = FileSystems.getDefault().newWatchService();
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        bucketFolder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        this.thread = new Thread(this::watch, "bucket-drop-notifier");
        thread.setDaemon(true);
    }

    static BucketDropNotifier start(Path bucketFolder, String bucket, String bootstrapServers) throws IOException {
        Files.createDirectories(bucketFolder);
        BucketDropNotifier notifier = new BucketDropNotifier(bucketFolder, bucket, bootstrapServers);
        notifier.thread.start();
        return notifier;
    }

    private void watch() {
        Map<Path, Long> pending = new HashMap<>();
        try {
            while (true) {
                WatchKey key = watcher.poll(200, TimeUnit.MILLISECONDS);
                if (key != null) {
                    key.pollEvents().forEach(event -> {
                        Path file = bucketFolder.resolve((Path) event.context());
                        pending.put(file, System.currentTimeMillis());
                    });
                    key.reset();
                }
                long now = System.currentTimeMillis();
                pending.entrySet().removeIf(entry -> {
                    if (now - entry.getValue() < SETTLE_MILLIS) {
                        return false;
                    }
                    announce(entry.getKey());
                    return true;
                });
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // stopping
        }
    }

    private void announce(Path file) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file) || name.startsWith(".")) {
            return;
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            return;
        }
        String notification = notification(bucket, name, size);
        producer.send(new ProducerRecord<>(TOPIC, bucket + "/" + name, notification));
        System.out.println("  " + bucket + "/" + name + " landed in the store: announced on " + TOPIC);
    }

    /** The S3 event notification MinIO sends when the object {@code name} of {@code size} bytes lands in the bucket. */
    public static String notification(String bucket, String name, long size) {
        ObjectNode object = JSON.createObjectNode();
        object.put("key", URLEncoder.encode(name, StandardCharsets.UTF_8));
        object.put("size", size);
        ObjectNode record = JSON.createObjectNode()
                .put("eventVersion", "2.0")
                .put("eventSource", "minio:s3")
                .put("eventTime", Instant.now().toString())
                .put("eventName", "s3:ObjectCreated:Put");
        ObjectNode s3 = record.putObject("s3");
        s3.putObject("bucket").put("name", bucket);
        s3.set("object", object);
        ObjectNode notification = JSON.createObjectNode().put("EventName", "s3:ObjectCreated:Put")
                .put("Key", bucket + "/" + name);
        notification.putArray("Records").add(record);
        return notification.toString();
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        producer.close();
    }
}
