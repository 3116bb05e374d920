package news.coverage.problem;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MultivaluedMap;
import news.coverage.article.TextCharacters;
import news.coverage.article.Years;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks of query parameters by name and value, before any is used: an unknown name (a typo such as {@code limt},
 * or {@code topic[$ne]}) is a 400, never silently ignored, and a value that is not what the parameter takes is a 400
 * that names the parameter. No value may hold a character that no article text holds ({@link TextCharacters}).
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static void requireOnly(MultivaluedMap<String, String> parameters, Set<String> known) {
        parameters.forEach((name, values) -> {
            if (!known.contains(name)) {
                throw new BadRequestException("unknown query parameter '" + name + "'; known: "
                        + String.join(", ", new TreeSet<>(known)));
            }
            for (String value : values) {
                if (value.startsWith("$")) {
                    throw new BadRequestException("the value of '" + name + "' must not start with $");
                }
                TextCharacters.problem(value).ifPresent(problem -> {
                    throw new BadRequestException("the value of '" + name + "' " + problem);
                });
            }
        });
    }

    /** A whole number in {@code [min, max]}, or the default when the parameter is absent. */
    public static int wholeNumber(String name, String value, int defaultValue, int min, int max) {
        if (value == null) {
            return defaultValue;
        }
        int number;
        try {
            number = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be a whole number from " + min + " to " + max + ", not '"
                    + value + "'");
        }
        if (number < min || number > max) {
            throw new BadRequestException(name + " must be from " + min + " to " + max + ", not " + number);
        }
        return number;
    }

    /** An ISO-8601 instant within {@link Years}, if given. */
    public static Optional<Instant> instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Instant instant;
        try {
            instant = Instant.parse(value.strip());
        } catch (DateTimeException e) {
            throw new BadRequestException(name + " must be an ISO-8601 instant such as 2020-06-09T00:00:00Z, not '"
                    + value + "'");
        }
        if (!Years.holds(instant.atZone(ZoneOffset.UTC).getYear())) {
            throw new BadRequestException(name + " must be an instant from year " + Years.FIRST + " to " + Years.LAST
                    + ", not " + value);
        }
        return Optional.of(instant);
    }
}
