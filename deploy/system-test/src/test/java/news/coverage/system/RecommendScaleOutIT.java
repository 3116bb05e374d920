package news.coverage.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import news.coverage.deploy.benchmark.CatalogedCopies;
import news.coverage.deploy.run.ServiceProcess;
import news.coverage.deploy.stack.FreePort;
import news.coverage.deploy.stack.LocalStack;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two recommend-service instances share a topic of four partitions: each projects its share, and both end with
 * every article, new version and deletion, answering every related-coverage query alike — and as a third instance
 * started afterwards on the read model they wrote. Their read model, stories included, and their answers are those
 * of one instance that projected the whole topic alone into a database of its own.
 */
class RecommendScaleOutIT {

    private static final int ARTICLES = 600;
    private static final int UPDATED = 40;
    private static final int DELETED = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void twoInstancesOnFourPartitionsEndWithTheSameReadModelAndAnswers() throws Exception {
        Path work = Path.of("target", "recommend-scale-out").toAbsolutePath();
        try (LocalStack stack = LocalStack.forTests().withKafka().withPostgres();
             KafkaCompanion kafka = new KafkaCompanion(stack.settings().get(LocalStack.KAFKA_BOOTSTRAP_SERVERS))) {
            kafka.topics().createAndWait("articles.cataloged", 4);
            Map<String, String> environment = stack.settings();
            Path recommend = SystemUnderTest.REPOSITORY.resolve("recommend-service");
            try (ServiceProcess one = ServiceProcess.start("recommend-service", recommend, FreePort.find(), environment,
                    work.resolve("one"));
                 ServiceProcess two = ServiceProcess.start("recommend-service", recommend, FreePort.find(), environment,
                         work.resolve("two"))) {
                one.awaitReady(Duration.ofSeconds(120));
                two.awaitReady(Duration.ofSeconds(120));

                List<ProducerRecord<String, String>> records = CatalogedCopies.of(SystemUnderTest.REPOSITORY, ARTICLES);
                List<ProducerRecord<String, String>> changes = new ArrayList<>();
                for (int i = 0; i < UPDATED; i++) {
                    changes.add(new ProducerRecord<>("articles.cataloged", records.get(i).key(),
                            retitled(records.get(i).value(), "Updated " + i)));
                }
                for (int i = UPDATED; i < UPDATED + DELETED; i++) {
                    changes.add(new ProducerRecord<>("articles.cataloged", records.get(i).key(), null));
                }
                kafka.produceStrings().fromRecords(records).awaitCompletion();
                kafka.produceStrings().fromRecords(changes).awaitCompletion();

                int expected = ARTICLES - DELETED;
                await().atMost(Duration.ofSeconds(120)).until(() -> one.readinessData("articles") == expected
                        && two.readinessData("articles") == expected);
                // the new versions, as either instance reads them back (the story of an article lists it)
                for (ServiceProcess instance : List.of(one, two)) {
                    for (int i = 0; i < UPDATED; i++) {
                        String id = records.get(i).key(), title = "Updated " + i;
                        await().atMost(Duration.ofSeconds(30)).until(() -> get(instance.url(),
                                "/stories?limit=500&articleId=" + id).contains("\"title\":\"" + title + "\""));
                    }
                }
                try (ServiceProcess three = ServiceProcess.start("recommend-service", recommend, FreePort.find(),
                        environment, work.resolve("three"))) {
                    three.awaitReady(Duration.ofSeconds(120));
                    assertEquals(expected, three.readinessData("articles"));
                    for (ProducerRecord<String, String> record : records) {
                        String answer = answer(one.url(), record.key());
                        assertEquals(answer, answer(two.url(), record.key()), "the two instances answer alike");
                        assertEquals(answer, answer(three.url(), record.key()), "a new instance answers alike");
                    }
                }
                for (int i = 0; i < UPDATED + DELETED; i++) {
                    String answer = answer(two.url(), records.get(i).key());
                    assertEquals(i < UPDATED, answer.startsWith("200"), records.get(i).key() + ": " + answer);
                }

                Map<String, String> alone = new HashMap<>(environment);
                alone.put(LocalStack.POSTGRES_URL, database(environment, "recommend_alone"));
                alone.put("MP_MESSAGING_INCOMING_ARTICLES_CATALOGED_GROUP_ID", "recommend-alone");
                try (ServiceProcess single = ServiceProcess.start("recommend-service", recommend, FreePort.find(),
                        alone, work.resolve("alone"))) {
                    single.awaitReady(Duration.ofSeconds(120));
                    await().atMost(Duration.ofSeconds(120)).until(() -> single.readinessData("articles") == expected);
                    Map<String, String> stories = rows(alone, "SELECT id, version, story_id FROM article");
                    assertEquals(expected, stories.size());
                    // the pair's last story judgements follow the other's writes: give them the time to land
                    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                        Map<String, String> pair = rows(environment, "SELECT id, version, story_id FROM article");
                        List<String> differing = stories.keySet().stream()
                                .filter(id -> !stories.get(id).equals(pair.get(id))).sorted().toList();
                        assertEquals(List.of(), differing.subList(0, Math.min(5, differing.size())),
                                differing.size() + " articles differ in version or story, such as");
                    });
                    for (ProducerRecord<String, String> record : records) {
                        assertEquals(answer(single.url(), record.key()), answer(one.url(), record.key()),
                                "two instances answer as one alone");
                    }
                }
                assertEquals(0, kafka.consumeStrings().fromTopics("articles.cataloged.dlq", Duration.ofSeconds(1))
                        .awaitCompletion().count());
            }
        }
    }

    /** A database of its own on the stack's PostgreSQL server, created if it is not there: its URL. */
    private static String database(Map<String, String> stack, String name) throws Exception {
        try (Connection connection = LocalStack.connectToPostgres(stack);
             var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            if (!exists.executeQuery().next()) {
                connection.createStatement().execute("CREATE DATABASE " + name);
            }
        }
        String url = stack.get(LocalStack.POSTGRES_URL);
        return url.substring(0, url.lastIndexOf('/') + 1) + name;
    }

    /** The rows of a query of two or more columns, as the first column and the others joined. */
    private static Map<String, String> rows(Map<String, String> stack, String query) throws Exception {
        Map<String, String> rows = new HashMap<>();
        try (Connection connection = LocalStack.connectToPostgres(stack);
             ResultSet result = connection.createStatement().executeQuery(query)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder rest = new StringBuilder();
                for (int column = 2; column <= columns; column++) {
                    rest.append(column > 2 ? " " : "").append(result.getString(column));
                }
                rows.put(result.getString(1), rest.toString());
            }
        }
        return rows;
    }

    /** Status and body of the related coverage of an article. */
    private String answer(URI service, String id) throws Exception {
        return get(service, "/related/" + id);
    }

    private String get(URI service, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(service.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    /** A cataloged record's value as its second version, with another title. */
    private static String retitled(String value, String title) throws Exception {
        ObjectNode cataloged = (ObjectNode) JSON.readTree(value);
        cataloged.put("version", "v2");
        ((ObjectNode) cataloged.get("item")).put("title", title);
        return cataloged.toString();
    }
}
