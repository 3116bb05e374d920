package news.coverage.deploy.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import news.coverage.deploy.stack.LocalStack;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A piece of the local stack as a Quarkus test resource. The services' configuration reads the stack's settings by
 * their environment variable names, so the same names are handed to the test as configuration.
 */
abstract class StackTestResource implements QuarkusTestResourceLifecycleManager {

    private final UnaryOperator<LocalStack> piece;
    private LocalStack stack;

    StackTestResource(UnaryOperator<LocalStack> piece) {
        this.piece = piece;
    }

    @Override
    public Map<String, String> start() {
        stack = piece.apply(LocalStack.forTests());
        return stack.settings();
    }

    @Override
    public void stop() {
        if (stack != null) {
            stack.close();
        }
    }
}
