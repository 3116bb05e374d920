package news.coverage.deploy.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import news.coverage.deploy.run.ServiceProcess;
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
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Measures {@code GET /related/{id}} of the packaged recommend-service with {@code items} articles in its read model
 * (PostgreSQL), fed through {@code articles.cataloged} on a real broker: the shared SmartableAI items repeated, each
 * copy two weeks after the previous one, so that every time window holds what the real data holds, in order of
 * publication as a stream arrives ({@link CatalogedCopies}). Then
 * {@code clients} clients ask for the related coverage of random articles for {@code seconds}, and as many ask for
 * the trivial health endpoint, the ceiling. Prints the projection rate, p50/p99 latency and requests per second of
 * each. Then a new instance starts on the same read model (a restart, a scale-up from zero), three times: how long
 * until it is ready, its index holding every article, and after the last start the same measurement again; then it
 * projects a fifth more articles into the filled read model, and measures freshness while 500 articles a second
 * arrive. Resident memory is printed after each load.
 *
 * <p>Usage: {@code RelatedBenchmark [items] [clients] [seconds]}, from the repository root after a package build.
 */
public final class RelatedBenchmark {

    /** What recommend's readiness check calls the number of articles its index holds. */
    private static final String INDEXED = "articles";
    private static final int FRESHNESS_RATE = 500;
    private static final int FRESHNESS_SECONDS = 20;
    private static final int FRESHNESS_SAMPLE = 25;
    /** recommend's histogram of the time from a record's timestamp until its article is answered. */
    private static final String FRESHNESS_METRIC = "recommend_freshness_seconds";
    private static final int NEW_INSTANCE_STARTS = 3;

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Path repository = Path.of("").toAbsolutePath();
        Path work = Files.createTempDirectory(repository.resolve("target"), "related-benchmark");
        // one stream in order of publication: the first load, then a fifth more, then the freshness stream
        int more = total / 5;
        List<ProducerRecord<String, String>> stream = CatalogedCopies.of(repository,
                total + more + FRESHNESS_RATE * FRESHNESS_SECONDS);
        try (LocalStack stack = LocalStack.forTests().withKafka().withPostgres()) {
            Map<String, String> environment = new HashMap<>(stack.settings());
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<String> ids;
            try (ServiceProcess recommend = ServiceProcess.start("recommend-service",
                    repository.resolve("recommend-service"), FreePort.find(), environment, work)) {
                recommend.awaitReady(Duration.ofSeconds(120));
                long start = System.nanoTime();
                ids = load(stack.settings().get(LocalStack.KAFKA_BOOTSTRAP_SERVERS), stream.subList(0, total));
                awaitIndexed(recommend, ids.size(), Duration.ofHours(1));
                double projected = (System.nanoTime() - start) / 1e9;
                System.out.printf("related benchmark: %d articles projected into the read model in %.1f s, %.0f/s%n",
                        ids.size(), projected, ids.size() / projected);
                measure(http, recommend.url(), ids, clients, seconds);
                System.out.printf("related benchmark: resident memory after the load %d MiB%n",
                        recommend.residentMebibytes());
            }
            // a new instance (a restart, a scale-up from zero) reads every article before it is ready; started a few
            // times, since one start says little on a machine whose speed varies
            for (int start = 1; start < NEW_INSTANCE_STARTS; start++) {
                try (ServiceProcess recommend = ServiceProcess.start("recommend-service",
                        repository.resolve("recommend-service"), FreePort.find(), environment, work)) {
                    awaitNewInstance(recommend, ids.size());
                }
            }
            try (ServiceProcess recommend = ServiceProcess.start("recommend-service",
                    repository.resolve("recommend-service"), FreePort.find(), environment, work)) {
                awaitNewInstance(recommend, ids.size());
                measure(http, recommend.url(), ids, clients, seconds);
                // a fifth more into the filled read model
                long moreStart = System.nanoTime();
                int added = load(stack.settings().get(LocalStack.KAFKA_BOOTSTRAP_SERVERS),
                        stream.subList(total, total + more)).size();
                awaitIndexed(recommend, ids.size() + added, Duration.ofHours(1));
                double projected = (System.nanoTime() - moreStart) / 1e9;
                System.out.printf("related benchmark: %d more projected into the filled read model in %.1f s, %.0f/s;"
                        + " resident memory %d MiB%n", added, projected, added / projected, recommend.residentMebibytes());
                freshness(http, recommend, ids.size() + added, stack.settings().get(LocalStack.KAFKA_BOOTSTRAP_SERVERS),
                        stream.subList(total + more, stream.size()), FRESHNESS_RATE);
            }
        }
    }

    /** Waits until a new instance, started just now, is ready; prints how long that took. */
    private static void awaitNewInstance(ServiceProcess recommend, int articles) throws Exception {
        long started = System.nanoTime();
        recommend.awaitReady(Duration.ofSeconds(120));
        double ready = (System.nanoTime() - started) / 1e9;
        System.out.printf("related benchmark, new instance: ready with %d of %d articles indexed %.1f s after its"
                + " start%n", recommend.readinessData(INDEXED), articles, ready);
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
    }

    /** Publishes the cataloged records; answers their ids in publication order. */
    private static List<String> load(String bootstrapServers, List<ProducerRecord<String, String>> records)
            throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 1 << 20);
        List<String> ids = new ArrayList<>(records.size());
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (ProducerRecord<String, String> record : records) {
                producer.send(record);
                ids.add(record.key());
            }
        }
        return ids;
    }

    /**
     * Sends articles at {@code rate} a second and reads, from the service's histogram {@value #FRESHNESS_METRIC} (its
     * counts before and after), how long each took from its record's timestamp until the index took it: from then on
     * it is answered, and found by its neighbours' answers (one refresh does both). Asking for the articles while they
     * arrive would measure the asking too: a probe polling every few milliseconds took the processor from the
     * projection, and with a few probe threads a probe waited for a thread. Then every {@value #FRESHNESS_SAMPLE}th
     * article is checked: answered, and listed by one of its neighbours when asked for 100 items. Prints the
     * percentiles (each as the upper bound of its bucket) and the share within a second.
     */
    private static void freshness(HttpClient http, ServiceProcess recommend, int held, String bootstrapServers,
            List<ProducerRecord<String, String>> records, int rate) throws Exception {
        int seconds = records.size() / rate;
        Map<Double, Double> before = freshnessBuckets(http, recommend.url());
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 0);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            long start = System.nanoTime();
            for (int i = 0; i < records.size(); i++) {
                LockSupport.parkNanos(start + i * 1_000_000_000L / rate - System.nanoTime());
                producer.send(records.get(i));
            }
        }
        awaitIndexed(recommend, held + records.size(), Duration.ofMinutes(5));
        Map<Double, Double> after = freshnessBuckets(http, recommend.url());
        TreeMap<Double, Double> counts = new TreeMap<>();
        after.forEach((bound, count) -> counts.put(bound, count - before.getOrDefault(bound, 0.0)));
        double total = counts.lastEntry().getValue();
        int sampled = 0, inNone = 0;
        for (int i = 0; i < records.size(); i += FRESHNESS_SAMPLE) {
            sampled++;
            inNone += inNeighboursAnswers(http, recommend.url(), records.get(i).key()) ? 0 : 1;
        }
        System.out.printf("related benchmark, freshness at %d articles/s for %d s (%.0f records): p50 ≤ %s, p99 ≤ %s,"
                + " %.1f%% within 1 s; of %d followed, %d in none of their neighbours' answers%n", rate, seconds, total,
                seconds(quantile(counts, 0.5)), seconds(quantile(counts, 0.99)),
                100 * counts.getOrDefault(1.0, 0.0) / total, sampled, inNone);
    }

    /** The cumulative counts of the freshness histogram by upper bound in seconds, as the service reports them. */
    private static Map<Double, Double> freshnessBuckets(HttpClient http, URI recommend) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(recommend.resolve("/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<Double, Double> buckets = new HashMap<>();
        for (String line : metrics.split("\n")) {
            if (line.startsWith(FRESHNESS_METRIC + "_bucket{")) {
                int from = line.indexOf("le=\"") + 4;
                String bound = line.substring(from, line.indexOf('"', from));
                buckets.put(bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound),
                        Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
            }
        }
        if (buckets.isEmpty()) {
            throw new IllegalStateException("recommend reports no " + FRESHNESS_METRIC + " histogram");
        }
        return buckets;
    }

    /** The upper bound of the first bucket whose cumulative count reaches the quantile. */
    private static double quantile(TreeMap<Double, Double> counts, double quantile) {
        double wanted = quantile * counts.lastEntry().getValue();
        return counts.entrySet().stream().filter(bucket -> bucket.getValue() >= wanted).findFirst().orElseThrow()
                .getKey();
    }

    private static String seconds(double bound) {
        return bound < 1 ? Math.round(bound * 1000) + " ms" : String.format("%.1f s", bound);
    }

    /**
     * Whether the article is answered and one of its neighbours lists it when asked for 100 items (ranking is not
     * symmetric: one's first may rank the other far down, or leave it out for the limit of a provider).
     */
    private static boolean inNeighboursAnswers(HttpClient http, URI recommend, String id) throws Exception {
        HttpResponse<String> own = http.send(HttpRequest.newBuilder(recommend.resolve("/related/" + id)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (own.statusCode() != 200) {
            throw new IllegalStateException(id + " is not answered: " + own.statusCode());
        }
        for (JsonNode item : new ObjectMapper().readTree(own.body()).path("items")) {
            String theirs = http.send(HttpRequest.newBuilder(recommend.resolve(
                    "/related/" + item.path("id").asText() + "?limit=100")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (theirs.contains(id)) {
                return true;
            }
        }
        return false;
    }

    /** Waits until the service's index holds this many articles, as its readiness check says. */
    private static void awaitIndexed(ServiceProcess recommend, int articles, Duration atMost) throws Exception {
        Instant giveUp = Instant.now().plus(atMost);
        while (recommend.readinessData(INDEXED) < articles) {
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("not all articles were projected within " + atMost);
            }
            Thread.sleep(100);
        }
    }
}
