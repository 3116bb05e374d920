package news.coverage.deploy.stack;

import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalStackTest {

    @Test
    void startsRealServersThatAnswerAndLeavesNoDataBehind() throws Exception {
        Path dataDirectory;
        try (LocalStack stack = LocalStack.forTests().withAll()) {
            Map<String, String> settings = stack.settings();
            dataDirectory = stack.dataDirectory();
            assertTrue(Files.isDirectory(dataDirectory));

            String servers = settings.get(LocalStack.KAFKA_BOOTSTRAP_SERVERS);
            try (var producer = new KafkaProducer<String, String>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("stack-check", "k", "hello")).get();
            }
            try (var consumer = new KafkaConsumer<String, String>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                    ConsumerConfig.GROUP_ID_CONFIG, "stack-check", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("stack-check"));
                var records = consumer.poll(Duration.ofSeconds(20));
                assertEquals("hello", records.iterator().next().value());
            }

            try (var mongo = MongoClients.create(settings.get(LocalStack.MONGODB_URI))) {
                var collection = mongo.getDatabase("check").getCollection("items");
                collection.insertOne(new Document("_id", "a").append("n", 1));
                assertEquals(1, collection.find(new Document("_id", "a")).first().getInteger("n"));
            }

            var s3 = java.net.http.HttpClient.newHttpClient();
            String object = settings.get(LocalStack.S3_ENDPOINT) + "/" + settings.get(LocalStack.S3_BUCKET) + "/check.txt";
            s3.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(object))
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("stored")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            assertEquals("stored", s3.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(object)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body());

            try (var connection = DriverManager.getConnection("jdbc:" + settings.get(LocalStack.POSTGRES_URL),
                    settings.get(LocalStack.POSTGRES_USER), settings.get(LocalStack.POSTGRES_PASSWORD));
                 var result = connection.createStatement().executeQuery("SHOW server_version")) {
                assertTrue(result.next());
                assertTrue(result.getString(1).startsWith("17."), result.getString(1));
            }
        }
        assertFalse(Files.exists(dataDirectory), "the stack's data folder is removed on close");
    }
}
