package news.coverage.deploy.testing;

import io.smallrye.mutiny.Multi;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the tests look for on a topic, for SmallRye's {@code KafkaCompanion}: the records of a key, and the first of
 * them as a plug that ends the consumer task, as in
 * {@code companion.consumeStrings().fromTopics("articles.dlq", firstKeyed(id)).awaitCompletion(timeout)}.
 */
public final class KafkaRecords {

    private KafkaRecords() {
    }

    public static Predicate<ConsumerRecord<String, String>> keyed(String key) {
        return record -> key.equals(record.key());
    }

    /** Ends the task at the first record of {@code key}. */
    public static Function<Multi<ConsumerRecord<String, String>>, Multi<ConsumerRecord<String, String>>> firstKeyed(
            String key) {
        return records -> records.select().where(keyed(key)).select().first();
    }
}
