package news.coverage.deploy.testing;

/** Starts an in-memory S3-compatible store with the bucket {@code incoming}, unless S3_ENDPOINT names one. */
public class S3TestResource extends StackTestResource {

    public S3TestResource() {
        super(stack -> stack.withS3());
    }
}
