package news.coverage.catalog.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.Instant;
import java.util.Optional;

/**
 * A range of days as a form gives it (the dates of {@code <input type=date>}, both days included), as the instants
 * the APIs take: from the start of the first day to the start of the day after the last, in UTC.
 */
public record DateRange(String fromDay, String toDay, Optional<Instant> from, Optional<Instant> to) {

    static DateRange of(String fromDay, String toDay) {
        Optional<Instant> from = day("from", fromDay).map(day -> day.atStartOfDay().toInstant(ZoneOffset.UTC));
        Optional<Instant> to = day("to", toDay).map(day -> day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new IllegalArgumentException("The first day (" + fromDay + ") is after the last (" + toDay + ")");
        }
        return new DateRange(blankToNull(fromDay), blankToNull(toDay), from, to);
    }

    private static Optional<LocalDate> day(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            LocalDate day = LocalDate.parse(value.strip());
            if (day.getYear() < 1 || day.getYear() > 9998) {
                throw new IllegalArgumentException("The " + name + " day must be between the years 1 and 9998");
            }
            return Optional.of(day);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("The " + name + " day must be a date such as 2020-06-09, not '"
                    + value.strip() + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
