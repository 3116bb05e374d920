package news.coverage.deploy.benchmark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import news.coverage.deploy.run.ServiceProcess;
import news.coverage.deploy.stack.FreePort;
import news.coverage.deploy.stack.LocalStack;
import news.coverage.deploy.testing.JwtIssuer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Measures the packaged catalog-service against a real broker and the MongoDB wire-protocol server. First the
 * packaged ingest-service fills {@code articles.ingested} with {@code items} real normalised items (the shared
 * SmartableAI items repeated, each copy its own URL) and stops; then catalog-service starts and stores them all,
 * announcing each on {@code articles.cataloged}: the rate is items over the time between the first and the last
 * announcement (broker timestamps). Then {@code clients} clients ask {@code GET /articles?topic=} (a topic drawn as
 * often as items carry it) for {@code seconds}, with the catalog full.
 *
 * <p>Usage: {@code CatalogBenchmark [items] [clients] [seconds]}, from the repository root after a package build.
 */
public final class CatalogBenchmark {

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Path repository = Path.of("").toAbsolutePath();
        List<ObjectNode> samples = IngestBenchmark.samples(repository, "seeds", "ai-news", "power-apps");
        List<byte[]> uploads = IngestBenchmark.uploads(samples, total, 2_500);
        List<String> topics = samples.stream().flatMap(item -> item.path("topics").valueStream())
                .map(topic -> topic.asText().strip()).toList(); // as often as items carry them
        Path work = Files.createTempDirectory(repository.resolve("target"), "catalog-benchmark");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        try (LocalStack stack = LocalStack.forTests().withKafka().withMongo()) {
            Map<String, String> environment = new HashMap<>(stack.settings());
            JwtIssuer issuer = JwtIssuer.forTests();
            environment.putAll(issuer.serviceEnvironment());
            long filling = System.nanoTime();
            try (ServiceProcess ingest = ServiceProcess.start("ingest-service", repository.resolve("ingest-service"),
                    FreePort.find(), environment, work)) {
                ingest.awaitReady(Duration.ofSeconds(120));
                String token = issuer.token("benchmark", Duration.ofHours(1), "ingest");
                List<CompletableFuture<Long>> posted = uploads.stream().map(upload -> CompletableFuture.supplyAsync(
                        () -> post(http, ingest.url(), token, upload))).toList();
                long accepted = posted.stream().mapToLong(CompletableFuture::join).sum();
                System.out.printf("catalog benchmark: articles.ingested filled by ingest-service with %d items in %.0f s%n",
                        accepted, (System.nanoTime() - filling) / 1e9);
            }

            try (ServiceProcess catalog = ServiceProcess.start("catalog-service", repository.resolve("catalog-service"),
                    FreePort.find(), environment, work)) {
                catalog.awaitReady(Duration.ofSeconds(120));
                Supplier<URI> byTopic = () -> catalog.url().resolve("/articles?limit=20&topic=" + URLEncoder.encode(
                        topics.get(ThreadLocalRandom.current().nextInt(topics.size())), StandardCharsets.UTF_8));
                long cpuBefore = catalog.cpuTime().toMillis();
                long[] span = awaitAnnouncements(stack.settings().get(LocalStack.KAFKA_BOOTSTRAP_SERVERS), total);
                double storingSeconds = (span[1] - span[0]) / 1e3;
                System.out.printf("  stored and announced %d items in %.1f s = %.0f items/s (catalog-service CPU %.0f s)%n",
                        total, storingSeconds, total / storingSeconds, (catalog.cpuTime().toMillis() - cpuBefore) / 1e3);
                HttpLoad.run(http, byTopic, clients, 5); // warm-up
                HttpLoad.run(http, byTopic, clients, seconds).print("GET /articles?topic=", clients);
            }
        }
    }

    private static long post(HttpClient http, URI ingest, String token, byte[] upload) {
        try {
            return IngestBenchmark.post(http, ingest, token, upload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads {@code articles.cataloged} until {@code total} distinct articles were announced; answers the broker
     * timestamps (ms) of the first and of the last announcement. Records are not kept, only their keys and times.
     */
    private static long[] awaitAnnouncements(String bootstrapServers, int total) {
        Set<String> announced = new HashSet<>();
        long[] span = { Long.MAX_VALUE, 0 };
        // at a tenth of the target rate this still ends: a stalled catalog fails the run instead of holding it
        Duration timeout = Duration.ofSeconds(Math.max(300, total / 300));
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "catalog-benchmark-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("articles.cataloged"));
            Instant deadline = Instant.now().plus(timeout);
            while (announced.size() < total && Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    announced.add(record.key());
                    span[0] = Math.min(span[0], record.timestamp());
                    span[1] = Math.max(span[1], record.timestamp());
                }
            }
        }
        if (announced.size() < total) {
            throw new IllegalStateException("only " + announced.size() + " of " + total + " announced within "
                    + timeout + ": see the catalog-service log");
        }
        return span;
    }
}
