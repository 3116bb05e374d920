package news.coverage.catalog.article;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.UriInfo;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * Checks of query parameters by name and value, before any is used (as a literal): a parameter such as
 * {@code topic[$ne]}, or a value starting with {@code $}, is a 400, never part of a query.
 */
final class QueryParameters {

    private QueryParameters() {
    }

    static void requireOnly(UriInfo uri, Set<String> allowed) {
        uri.getQueryParameters().forEach((name, values) -> {
            if (!allowed.contains(name)) {
                throw new BadRequestException("unknown query parameter '" + name + "'; known: " + allowed);
            }
            if (values.stream().anyMatch(value -> value.startsWith("$"))) {
                throw new BadRequestException("the value of '" + name + "' must not start with $");
            }
        });
    }

    static Optional<Instant> instant(String name, String value) {
        try {
            return Optional.ofNullable(value).map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be an ISO-8601 instant such as 2020-06-09T00:00:00Z");
        }
    }
}
