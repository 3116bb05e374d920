package news.coverage.catalog.web;

import java.time.Duration;
import java.time.Instant;

/** How long before or after an article another report came out, in the words a reader expects. */
public final class RelativeTime {

    private RelativeTime() {
    }

    /** "3 hours later", "2 days earlier", "at the same time" (under a minute apart). */
    public static String between(Instant article, Instant other) {
        Duration apart = Duration.between(article, other);
        String amount = amount(apart.abs());
        if (amount == null) {
            return "at the same time";
        }
        return amount + (apart.isNegative() ? " earlier" : " later");
    }

    /** "3 hours apart", "under a minute apart". */
    public static String apart(Duration apart) {
        String amount = amount(apart.abs());
        return (amount == null ? "under a minute" : amount) + " apart";
    }

    private static String amount(Duration apart) {
        long minutes = apart.toMinutes();
        if (minutes < 1) {
            return null;
        }
        if (minutes < 60) {
            return count(minutes, "minute");
        }
        if (minutes < 48 * 60) {
            return count(minutes / 60, "hour");
        }
        return count(minutes / (24 * 60), "day");
    }

    private static String count(long amount, String unit) {
        return amount + " " + unit + (amount == 1 ? "" : "s");
    }
}
