package news.coverage.deploy.testing;

/** Starts a real PostgreSQL for a {@code @QuarkusTest}, unless POSTGRES_URL names one. */
public class PostgresTestResource extends StackTestResource {

    public PostgresTestResource() {
        super(stack -> stack.withPostgres());
    }
}
