package news.coverage.deploy.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import news.coverage.deploy.stack.FreePort;
import news.coverage.deploy.stack.LocalStack;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Measures {@code GET /related/{id}} of the packaged recommend-service with {@code items} articles in its read model
 * (PostgreSQL), fed through {@code articles.cataloged} on a real broker: the shared SmartableAI items repeated, each
 * copy two weeks after the previous one, so that every time window holds what the real data holds. Then
 * {@code clients} clients ask for the related coverage of random articles for {@code seconds}, and as many ask for
 * the trivial health endpoint, the ceiling. Prints p50/p99 latency and requests per second of each. Then a new
 * instance starts on the same read model (a restart, a scale-up from zero): how long until it is ready and until it
 * holds every list, and the same measurement again.
 *
 * <p>Usage: {@code RelatedBenchmark [items] [clients] [seconds]}, from the repository root after a package build.
 */
public final class RelatedBenchmark {

    private static final Duration COPY_SHIFT = Duration.ofDays(14);

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Path repository = Path.of("").toAbsolutePath();
        List<ObjectNode> samples = IngestBenchmark.samples(repository, "ai-news", "power-apps");
        Path work = Files.createTempDirectory(repository.resolve("target"), "related-benchmark");
        try (LocalStack stack = LocalStack.forTests().withKafka().withPostgres()) {
            Map<String, String> environment = new HashMap<>(stack.settings());
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<String> ids;
            try (ServiceProcess recommend = ServiceProcess.start("recommend-service",
                    repository.resolve("recommend-service"), FreePort.find(), environment, work)) {
                recommend.awaitReady(Duration.ofSeconds(120));
                long start = System.nanoTime();
                ids = load(stack.settings().get(LocalStack.KAFKA_BOOTSTRAP_SERVERS), samples, total);
                awaitProjected(http, recommend.url(), ids.get(ids.size() - 1));
                System.out.printf("related benchmark: %d articles projected into the read model in %.0f s%n",
                        ids.size(), (System.nanoTime() - start) / 1e9);
                measure(http, recommend.url(), ids, clients, seconds);
            }
            // a new instance (a restart, a scale-up from zero) reads every kept list before it answers from memory
            long restart = System.nanoTime();
            try (ServiceProcess recommend = ServiceProcess.start("recommend-service",
                    repository.resolve("recommend-service"), FreePort.find(), environment, work)) {
                recommend.awaitReady(Duration.ofSeconds(120));
                double ready = (System.nanoTime() - restart) / 1e9;
                long held;
                Instant giveUp = Instant.now().plus(Duration.ofMinutes(10));
                while ((held = heldLists(http, recommend.url())) < ids.size() && Instant.now().isBefore(giveUp)) {
                    Thread.sleep(100);
                }
                System.out.printf("related benchmark, new instance: ready in %.1f s, %d of %d lists held in %.1f s%n",
                        ready, held, ids.size(), (System.nanoTime() - restart) / 1e9);
                measure(http, recommend.url(), ids, clients, seconds);
            }
        }
    }

    /** Related coverage of random articles, then the health endpoint, then where the answers came from. */
    private static void measure(HttpClient http, URI recommend, List<String> ids, int clients, int seconds)
            throws Exception {
        Supplier<URI> related = () -> recommend.resolve(
                "/related/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
        HttpLoad.run(http, related, clients, 5); // warm-up
        HttpLoad.run(http, related, clients, seconds).print("GET /related/{id}", clients);
        HttpLoad.run(http, () -> recommend.resolve("/q/health/live"), clients, seconds)
                .print("GET /q/health/live", clients);
        metrics(http, recommend).filter(line -> line.startsWith("related_answers_total"))
                .forEach(line -> System.out.println("  " + line));
    }

    /** Publishes the cataloged records; answers their ids in publication order. */
    private static List<String> load(String bootstrapServers, List<ObjectNode> samples, int total) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> ids = new ArrayList<>(total);
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 1 << 20);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < total; i++) {
                ObjectNode item = samples.get(i % samples.size()).deepCopy();
                int copy = i / samples.size();
                String id = UUID.randomUUID().toString().replace("-", "");
                Instant published = Instant.parse(item.path("publishedDateTime").asText())
                        .plus(COPY_SHIFT.multipliedBy(copy));
                String url = item.hasNonNull("webUrl") ? item.get("webUrl").asText() : item.get("originalUrl").asText();
                item.put("id", id).put("canonicalUrl", url + "#copy-" + copy)
                        .put("publishedDateTime", published.toString());
                ObjectNode cataloged = json.createObjectNode().put("id", id).put("version", "v1");
                cataloged.set("item", item);
                producer.send(new ProducerRecord<>("articles.cataloged", id, cataloged.toString()));
                ids.add(id);
            }
        }
        return ids;
    }

    /** The service's own metrics, line by line. */
    private static Stream<String> metrics(HttpClient http, URI recommend) throws Exception {
        return http.send(HttpRequest.newBuilder(recommend.resolve("/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body().lines();
    }

    private static long heldLists(HttpClient http, URI recommend) throws Exception {
        return metrics(http, recommend).filter(line -> line.startsWith("related_lists_held "))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.indexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    private static void awaitProjected(HttpClient http, URI recommend, String lastId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(recommend.resolve("/related/" + lastId)).build();
        while (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
            Thread.sleep(500);
        }
    }
}
