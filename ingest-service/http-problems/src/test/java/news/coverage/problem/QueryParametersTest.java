package news.coverage.problem;

import jakarta.ws.rs.BadRequestException;
import org.jboss.resteasy.reactive.common.util.QuarkusMultivaluedHashMap;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QueryParametersTest {

    @Test
    void unknownParametersAreNamed() {
        var parameters = new QuarkusMultivaluedHashMap<String, String>();
        parameters.add("limit", "3");
        QueryParameters.requireOnly(parameters, Set.of("limit", "window"));
        parameters.add("limt", "1");
        BadRequestException refused = assertThrows(BadRequestException.class,
                () -> QueryParameters.requireOnly(parameters, Set.of("limit", "window")));
        assertEquals("unknown query parameter 'limt'; known: limit, window", refused.getMessage());
    }

    @Test
    void operatorValuesAreRefused() {
        var parameters = new QuarkusMultivaluedHashMap<String, String>();
        parameters.add("topic", "$ne");
        assertThrows(BadRequestException.class, () -> QueryParameters.requireOnly(parameters, Set.of("topic")));
    }

    @Test
    void controlCharactersInValuesAreRefused() {
        var parameters = new QuarkusMultivaluedHashMap<String, String>();
        parameters.add("title", "IBM\u0000");
        assertEquals("the value of 'title' holds the control character U+0000 at character 3 (only tab, line feed "
                + "and carriage return are allowed)", assertThrows(BadRequestException.class,
                () -> QueryParameters.requireOnly(parameters, Set.of("title"))).getMessage());
    }

    @Test
    void wholeNumbersAreBoundedAndNamed() {
        assertEquals(10, QueryParameters.wholeNumber("limit", null, 10, 1, 100));
        assertEquals(100, QueryParameters.wholeNumber("limit", "100", 10, 1, 100));
        assertEquals("limit must be a whole number from 1 to 100, not 'abc'", assertThrows(BadRequestException.class,
                () -> QueryParameters.wholeNumber("limit", "abc", 10, 1, 100)).getMessage());
        assertEquals("limit must be from 1 to 100, not 0", assertThrows(BadRequestException.class,
                () -> QueryParameters.wholeNumber("limit", "0", 10, 1, 100)).getMessage());
        assertThrows(BadRequestException.class, () -> QueryParameters.wholeNumber("limit", "99999999999", 10, 1, 100));
    }

    @Test
    void instantsAreIsoFromYearOneTo9999() {
        assertEquals(Optional.empty(), QueryParameters.instant("at", null));
        assertEquals(Optional.of(Instant.parse("2020-06-09T00:00:00Z")), QueryParameters.instant("at", "2020-06-09T00:00:00Z"));
        assertThrows(BadRequestException.class, () -> QueryParameters.instant("at", "+999999999-12-31T23:59:59Z"));
        assertThrows(BadRequestException.class, () -> QueryParameters.instant("at", "-000001-01-01T00:00:00Z"));
        assertEquals("at must be an ISO-8601 instant such as 2020-06-09T00:00:00Z, not 'yesterday'",
                assertThrows(BadRequestException.class, () -> QueryParameters.instant("at", "yesterday")).getMessage());
    }
}
