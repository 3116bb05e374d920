package news.coverage.recommend.related;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion.record;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;

/** Builds {@code articles.cataloged} records the way the catalog sends them, and sends them. */
public final class CatalogedItems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaCompanion kafka;

    public CatalogedItems(String bootstrapServers) {
        this.kafka = new KafkaCompanion(bootstrapServers);
    }

    public static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** A made-up word no other test uses, so that term statistics of one test do not touch another's. */
    public static String word() {
        StringBuilder word = new StringBuilder();
        for (char c : newId().substring(0, 10).toCharArray()) {
            word.append((char) ('a' + Character.digit(c, 16)));
        }
        return word.toString();
    }

    public Item item(String id) {
        return new Item(id);
    }

    /** Two articles with the same title, once each is the other's related coverage: their ids. */
    String[] storyAndOther(String title) {
        String story = item(newId()).title(title).send();
        String other = item(newId()).title(title).send();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/related/" + story)
                .then().statusCode(200).body("items.id", contains(other)));
        return new String[] {story, other};
    }

    public void delete(String id) {
        kafka.produceStrings().fromRecords(record("articles.cataloged", id, null)).awaitCompletion();
    }

    public final class Item {
        private final ObjectNode item = JSON.createObjectNode();
        private final String id;
        private String version = "v1";

        private Item(String id) {
            this.id = id;
            item.put("id", id).put("canonicalUrl", "https://example.com/" + id).put("title", "Article " + id)
                    .put("publishedDateTime", "2020-06-10T12:00:00Z").put("quality", 50);
            provider("example.com");
            topics("AI");
        }

        public Item title(String title) {
            item.put("title", title);
            return this;
        }

        public Item excerpt(String excerpt) {
            item.put("excerpt", excerpt);
            return this;
        }

        public Item published(String instant) {
            item.put("publishedDateTime", instant);
            return this;
        }

        public Item quality(int quality) {
            item.put("quality", quality);
            return this;
        }

        public Item provider(String domain) {
            item.putObject("provider").put("name", "Provider " + domain).put("domain", domain);
            return this;
        }

        public Item topics(String... topics) {
            ArrayNode array = item.putArray("topics");
            for (String topic : topics) {
                array.add(topic);
            }
            return this;
        }

        public Item related(String... ids) {
            ArrayNode array = item.putArray("related");
            for (String related : ids) {
                array.addObject().put("id", related).put("title", "Listed " + related);
            }
            return this;
        }

        public Item version(String version) {
            this.version = version;
            return this;
        }

        public String send() {
            ObjectNode cataloged = JSON.createObjectNode().put("id", id).put("version", version);
            cataloged.set("item", item);
            kafka.produceStrings().fromRecords(record("articles.cataloged", id, cataloged.toString()))
                    .awaitCompletion();
            return id;
        }
    }
}
