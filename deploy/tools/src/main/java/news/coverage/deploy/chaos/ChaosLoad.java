package news.coverage.deploy.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import news.coverage.deploy.run.BucketDropNotifier;
import news.coverage.deploy.run.CoverageServices;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends a {@link ChaosPlan} step by step at a steady pace, as clients that keep their promise would: an upload
 * answered 503, or not answered at all, is sent again until ingest takes it; a dropped file is announced until the
 * broker takes the notification; a deletion is sent again until the catalog answers 204 (or 404 once it did).
 */
final class ChaosLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RETRY_AFTER = Duration.ofMillis(500);

    private final ChaosPlan plan;
    private final URI ingest;
    private final URI catalog;
    private final URI store;
    private final String bucket;
    private final String uploadToken;
    private final String adminToken;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final KafkaProducer<String, String> producer;

    /** Uploads sent, and those answered 503 (the broker did not take every item). */
    final AtomicLong uploadRequests = new AtomicLong();
    final AtomicLong answered503 = new AtomicLong();
    /** Requests that got no answer (the service was down) or another 5xx. */
    final AtomicLong unanswered = new AtomicLong();
    final AtomicLong rejectedItems = new AtomicLong();
    /** The article id ingest answered for each uploaded item, by index. */
    private final Map<Integer, String> ids = new ConcurrentHashMap<>();
    /** When each update and deletion was answered, by item: what the report lines up against the faults. */
    final Map<Integer, Instant> followedUpAt = new ConcurrentHashMap<>();

    ChaosLoad(ChaosPlan plan, CoverageServices services, Map<String, String> stack, String uploadToken,
            String adminToken) {
        this.plan = plan;
        this.ingest = services.get("ingest-service").url();
        this.catalog = services.get("catalog-service").url();
        this.store = URI.create(stack.get("S3_ENDPOINT") + "/");
        this.bucket = stack.get("S3_BUCKET");
        this.uploadToken = uploadToken;
        this.adminToken = adminToken;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.get("KAFKA_BOOTSTRAP_SERVERS"), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 4000), new StringSerializer(), new StringSerializer());
    }

    /**
     * Runs every step, each {@code pace} after the previous one began (or at once, when it took longer); deletions on
     * a thread of their own, since each waits until the catalog holds its article.
     */
    void run(Duration pace) throws IOException, InterruptedException {
        ExecutorService deleting = Executors.newSingleThreadExecutor();
        List<Future<?>> deletions = new ArrayList<>();
        long next = System.nanoTime();
        for (ChaosPlan.Step step : plan.steps()) {
            if (step.kind() == ChaosPlan.Kind.DELETE) {
                deletions.add(deleting.submit(() -> {
                    delete(step.indexes().get(0));
                    followedUpAt.put(step.indexes().get(0), Instant.now());
                    return null;
                }));
                continue;
            }
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            next = System.nanoTime() + pace.toNanos();
            switch (step.kind()) {
                case UPLOAD -> upload(step.indexes(), step.indexes().stream().map(plan.items()::get).toList());
                case UPDATE -> upload(step.indexes(), step.indexes().stream().map(plan::updated).toList());
                case DROP -> drop(step.indexes());
                case DELETE -> throw new IllegalStateException("deletions run on their own thread");
            }
            if (step.kind() == ChaosPlan.Kind.UPDATE) {
                Instant now = Instant.now();
                step.indexes().forEach(index -> followedUpAt.put(index, now));
            }
        }
        deleting.shutdown();
        try {
            for (Future<?> deletion : deletions) {
                deletion.get(); // a deletion that failed fails the run
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a deletion failed", e.getCause());
        }
        producer.close();
    }

    private void upload(List<Integer> indexes, List<ObjectNode> items) throws InterruptedException {
        StringBuilder body = new StringBuilder();
        items.forEach(item -> body.append(item).append('\n'));
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        while (true) {
            uploadRequests.incrementAndGet();
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(ingest.resolve("/uploads"))
                        .header("Content-Type", "application/x-ndjson")
                        .header("Authorization", "Bearer " + uploadToken)
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    JsonNode result = JSON.readTree(response.body());
                    rejectedItems.addAndGet(result.path("rejected").asLong());
                    for (int i = 0; i < indexes.size(); i++) {
                        String id = result.path("results").path(i).path("id").asText(null);
                        if (id != null) {
                            ids.put(indexes.get(i), id);
                        }
                    }
                    return;
                }
                if (response.statusCode() == 503) {
                    answered503.incrementAndGet();
                } else if (response.statusCode() < 500) {
                    throw new IllegalStateException("an upload was refused: " + response.statusCode() + " "
                            + response.body());
                } else {
                    unanswered.incrementAndGet();
                }
            } catch (IOException e) {
                unanswered.incrementAndGet();
            }
            Thread.sleep(RETRY_AFTER.toMillis());
        }
    }

    /** The items as one NDJSON file put into the store, then announced as MinIO would. */
    private void drop(List<Integer> indexes) throws InterruptedException {
        StringBuilder body = new StringBuilder();
        indexes.forEach(index -> body.append(plan.items().get(index)).append('\n'));
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        String name = "chaos-" + indexes.get(0) + ".ndjson";
        while (true) {
            try {
                HttpResponse<Void> put = http.send(HttpRequest.newBuilder(store.resolve(bucket + "/" + name))
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (put.statusCode() / 100 != 2) {
                    throw new IllegalStateException("the store refused " + name + ": " + put.statusCode());
                }
                break;
            } catch (IOException e) {
                Thread.sleep(RETRY_AFTER.toMillis());
            }
        }
        String notification = BucketDropNotifier.notification(bucket, name, bytes.length);
        while (true) {
            try {
                producer.send(new ProducerRecord<>(BucketDropNotifier.TOPIC, bucket + "/" + name, notification)).get();
                return;
            } catch (ExecutionException e) {
                Thread.sleep(RETRY_AFTER.toMillis());
            }
        }
    }

    /** Deletes the item once the catalog holds it: a 404 before then means it is not there yet. */
    private void delete(int index) throws InterruptedException {
        String id = ids.get(index);
        // an item of a dropped file has no answer with its id: it is found by its URL once cataloged
        boolean there = id == null ? (id = idOf(index)) != null : cataloged(id);
        while (!there) {
            Thread.sleep(RETRY_AFTER.toMillis());
            there = id == null ? (id = idOf(index)) != null : cataloged(id);
        }
        while (true) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(catalog.resolve("/articles/" + id))
                        .header("Authorization", "Bearer " + adminToken).timeout(Duration.ofSeconds(30))
                        .DELETE().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 204 || response.statusCode() == 404) {
                    return;
                }
                unanswered.incrementAndGet();
            } catch (IOException e) {
                unanswered.incrementAndGet();
            }
            Thread.sleep(RETRY_AFTER.toMillis());
        }
    }

    private boolean cataloged(String id) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(catalog.resolve("/articles/" + id)).timeout(Duration.ofSeconds(30))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** The catalog's id of the item, found by its URL; null while the catalog does not hold it or cannot answer. */
    private String idOf(int index) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(catalog.resolve("/articles?url="
                    + URLEncoder.encode(plan.url(index), StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return null;
            }
            JsonNode items = JSON.readTree(response.body()).path("items");
            return items.isEmpty() ? null : items.get(0).path("id").asText();
        } catch (IOException e) {
            return null;
        }
    }
}
