package news.coverage.deploy.testing;

/** Starts an in-memory MongoDB wire-protocol server for a {@code @QuarkusTest}, unless MONGODB_URI names one. */
public class MongoTestResource extends StackTestResource {

    public MongoTestResource() {
        super(stack -> stack.withMongo());
    }
}
