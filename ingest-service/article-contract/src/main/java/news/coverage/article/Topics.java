package news.coverage.article;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How topics are spelled and compared: trimmed with single spaces, and the same topic whatever its case. Ingest keeps
 * one spelling per key; consumers look topics up by their key, so {@code computer  vision} finds Computer Vision.
 */
public final class Topics {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Topics() {
    }

    /** The topic trimmed, inner white space collapsed to one space. */
    public static String tidy(String topic) {
        return SPACES.matcher(topic.strip()).replaceAll(" ");
    }

    /** What two spellings of one topic share: tidy and lower case. */
    public static String key(String topic) {
        return tidy(topic).toLowerCase(Locale.ROOT);
    }
}
