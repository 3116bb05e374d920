package news.coverage.ingest.format;

/** An upload whose envelope cannot be read (a multipart body without its boundary, cut short or malformed): a 400. */
public class MalformedUploadException extends RuntimeException {

    public MalformedUploadException(String message) {
        super(message);
    }
}
