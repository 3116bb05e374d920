package news.coverage.problem;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EndpointsTest {

    private final Endpoints endpoints = new Endpoints(List.of(
            new Endpoints.Endpoint("GET", "/articles", List.of(), List.of("application/json")),
            new Endpoints.Endpoint("GET", "/articles/{id}", List.of(), List.of("text/markdown", "application/json")),
            new Endpoints.Endpoint("DELETE", "/articles/{id}", List.of(), List.of()),
            new Endpoints.Endpoint("POST", "/items", List.of("text/markdown", "application/json"), List.of("application/json")),
            new Endpoints.Endpoint("GET", "/files/{path: .+}", List.of(), List.of("text/plain"))));

    @Test
    void methodsOfAPathAreThoseOfEveryEndpointAtIt() {
        assertEquals(Set.of("GET", "DELETE"), endpoints.methods("/articles/0123abcd"));
        assertEquals(Set.of("GET"), endpoints.methods("/articles"));
        assertEquals(Set.of("GET"), endpoints.methods("/articles/"));
        assertEquals(Set.of(), endpoints.methods("/articles/a/b"));
        assertEquals(Set.of(), endpoints.methods("/nothing"));
    }

    @Test
    void aParameterWithItsOwnExpressionMatchesWhatItSays() {
        assertEquals(Set.of("GET"), endpoints.methods("/files/a/b/c"));
    }

    @Test
    void mediaTypesAreThoseOfTheMethodAtThePath() {
        assertEquals(Set.of("text/markdown", "application/json"), endpoints.consumes("POST", "/items"));
        assertEquals(Set.of(), endpoints.consumes("GET", "/items"));
        assertEquals(List.of("text/markdown", "application/json"),
                List.copyOf(endpoints.produces("GET", "/articles/0123")));
    }

    @Test
    void literalPartsOfATemplateAreNotPatterns() {
        Endpoints dotted = new Endpoints(List.of(new Endpoints.Endpoint("GET", "/q.health", List.of(), List.of())));
        assertEquals(Set.of(), dotted.methods("/qxhealth"));
        assertEquals(Set.of("GET"), dotted.methods("/q.health"));
    }
}
