package news.coverage.ingest.format;

/**
 * A document as it was uploaded.
 *
 * @param source    where it came from, for the answer: a file name, an archive entry, an object key
 * @param mediaType its declared media type, or null when only its name tells
 * @param content   its bytes
 */
public record Document(String source, String mediaType, byte[] content) {
}
