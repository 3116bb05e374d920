package news.coverage.deploy.testing;

/** Starts a real Kafka broker for a {@code @QuarkusTest}, unless KAFKA_BOOTSTRAP_SERVERS names one. */
public class KafkaTestResource extends StackTestResource {

    public KafkaTestResource() {
        super(stack -> stack.withKafka());
    }
}
