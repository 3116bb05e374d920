package news.coverage.ingest.storage;

import java.util.Optional;

/**
 * Which object keys of a notification are read: a key that could name something outside its bucket on a store
 * that maps keys to files ({@code ..} segments, a leading slash, a backslash), or that holds control characters, is
 * refused before any request is made.
 */
final class ObjectKey {

    /** S3's own limit on a key, in UTF-8 bytes; counted in characters here, which is no looser. */
    static final int MAX_LENGTH = 1024;

    private ObjectKey() {
    }

    static Optional<String> problem(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.of("the object key is missing");
        }
        if (key.length() > MAX_LENGTH) {
            return Optional.of("the object key is longer than " + MAX_LENGTH + " characters");
        }
        if (key.startsWith("/") || key.contains("\\")) {
            return Optional.of("the object key '" + key + "' may not start with / or hold a backslash");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                return Optional.of("the object key '" + key + "' may not hold . or .. segments");
            }
        }
        if (key.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.of("the object key may not hold control characters");
        }
        return Optional.empty();
    }
}
