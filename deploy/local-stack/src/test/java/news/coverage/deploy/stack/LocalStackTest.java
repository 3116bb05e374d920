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
import static org.junit.jupiter.api.Assertions.assertThrows;
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

            try (var connection = LocalStack.connectToPostgres(settings);
                 var result = connection.createStatement().executeQuery("SHOW server_version")) {
                assertTrue(result.next());
                assertTrue(result.getString(1).startsWith("17."), result.getString(1));
            }
        }
        assertFalse(Files.exists(dataDirectory), "the stack's data folder is removed on close");
    }

    @Test
    void eachServerStopsAndStartsAgainOnItsPortWithItsData() throws Exception {
        try (LocalStack stack = LocalStack.restartable().withKafka().withMongo().withPostgres()) {
            Map<String, String> settings = stack.settings();
            String servers = settings.get(LocalStack.KAFKA_BOOTSTRAP_SERVERS);
            Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                    ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3000,
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000);
            try (var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("restart-check", "k", "before")).get();
                stack.stop(LocalStack.Server.KAFKA);
                assertThrows(Exception.class, () -> producer.send(new ProducerRecord<>("restart-check", "k", "lost"))
                        .get(), "no broker while stopped");
                stack.restart(LocalStack.Server.KAFKA);
            }
            try (var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("restart-check", "k", "after")).get();
            }
            try (var consumer = new KafkaConsumer<String, String>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                    ConsumerConfig.GROUP_ID_CONFIG, "restart-check", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("restart-check"));
                List<String> values = new java.util.ArrayList<>();
                long deadline = System.currentTimeMillis() + 20_000;
                while (values.size() < 2 && System.currentTimeMillis() < deadline) {
                    consumer.poll(Duration.ofSeconds(1)).forEach(record -> values.add(record.value()));
                }
                assertEquals(List.of("before", "after"), values);
            }

            try (var mongo = MongoClients.create(settings.get(LocalStack.MONGODB_URI))) {
                mongo.getDatabase("check").getCollection("items").insertOne(new Document("_id", "a").append("n", 1));
            }
            stack.stop(LocalStack.Server.MONGODB);
            stack.restart(LocalStack.Server.MONGODB);
            try (var mongo = MongoClients.create(settings.get(LocalStack.MONGODB_URI))) {
                assertEquals(1, mongo.getDatabase("check").getCollection("items").find(new Document("_id", "a"))
                        .first().getInteger("n"));
            }

            String url = "jdbc:" + settings.get(LocalStack.POSTGRES_URL);
            String user = settings.get(LocalStack.POSTGRES_USER);
            String password = settings.get(LocalStack.POSTGRES_PASSWORD);
            try (var connection = DriverManager.getConnection(url, user, password)) {
                connection.createStatement().execute("CREATE TABLE kept (n int); INSERT INTO kept VALUES (7)");
            }
            stack.stop(LocalStack.Server.POSTGRES);
            assertThrows(java.sql.SQLException.class, () -> DriverManager.getConnection(url, user, password));
            stack.restart(LocalStack.Server.POSTGRES);
            try (var connection = DriverManager.getConnection(url, user, password);
                 var result = connection.createStatement().executeQuery("SELECT n FROM kept")) {
                assertTrue(result.next());
                assertEquals(7, result.getInt(1));
            }
        }
    }

    @Test
    void anInMemoryMongoDbCannotBeStoppedForItWouldLoseItsData() {
        try (LocalStack stack = LocalStack.forTests().withMongo()) {
            assertThrows(IllegalStateException.class, () -> stack.stop(LocalStack.Server.MONGODB));
            assertThrows(IllegalStateException.class, () -> stack.stop(LocalStack.Server.KAFKA));
        }
    }
}
