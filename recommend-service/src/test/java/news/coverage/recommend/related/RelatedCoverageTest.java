package news.coverage.recommend.related;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.coverage.deploy.testing.KafkaTestResource;
import news.coverage.deploy.testing.KafkaTopics;
import news.coverage.deploy.testing.PostgresTestResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class RelatedCoverageTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper json;

    @Test
    void catalogedArticlesSharingTopicsWithinTheWindowAreRelatedAndTombstonesRemoveThem() {
        KafkaTopics kafka = new KafkaTopics(bootstrapServers);
        String story = id(), sameStory = id(), otherTopic = id(), monthLater = id(), weaker = id();
        catalog(kafka, story, "2020-06-10T21:00:00Z", "Computer Vision", "AI");
        catalog(kafka, sameStory, "2020-06-11T09:00:00Z", "Computer Vision", "AI");
        catalog(kafka, weaker, "2020-06-13T09:00:00Z", "AI");
        catalog(kafka, otherTopic, "2020-06-10T22:00:00Z", "Robotics");
        catalog(kafka, monthLater, "2020-07-20T09:00:00Z", "Computer Vision", "AI");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/related/" + story)
                .then().statusCode(200)
                .body("articleId", equalTo(story))
                .body("items.id", contains(sameStory, weaker))
                .body("items[0].reasons.sharedTopics", contains("AI", "Computer Vision"))
                .body("items[0].reasons.hoursApart", equalTo(12.0f))
                .body("items[0].provider.domain", equalTo("example.com")));

        kafka.send("articles.cataloged", sameStory, null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/related/" + story)
                .then().body("items.id", contains(weaker)));
    }

    @Test
    void redeliveryOfTheSameVersionChangesNothing() {
        KafkaTopics kafka = new KafkaTopics(bootstrapServers);
        String story = id(), other = id();
        catalog(kafka, story, "2021-01-10T10:00:00Z", "Drones");
        catalog(kafka, other, "2021-01-10T11:00:00Z", "Drones");
        catalog(kafka, other, "2021-01-10T11:00:00Z", "Drones");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/related/" + story)
                .then().body("items.id", contains(other)));
    }

    @Test
    void unknownArticleIsAProblem404AndBadParametersA400() {
        given().get("/related/nope").then().statusCode(404).contentType("application/problem+json");
        given().queryParam("limit", 0).get("/related/nope").then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("window", "a week").get("/related/nope").then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("ISO-8601"));
    }

    private void catalog(KafkaTopics kafka, String id, String published, String... topics) {
        ObjectNode item = json.createObjectNode()
                .put("id", id)
                .put("canonicalUrl", "https://example.com/" + id)
                .put("title", "Article " + id)
                .put("publishedDateTime", published)
                .put("quality", 50);
        item.putObject("provider").put("name", "Example").put("domain", "example.com");
        var topicArray = item.putArray("topics");
        for (String topic : topics) {
            topicArray.add(topic);
        }
        ObjectNode cataloged = json.createObjectNode().put("id", id).put("version", "v-" + published);
        cataloged.set("item", item);
        kafka.send("articles.cataloged", id, cataloged.toString());
    }

    private static String id() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
