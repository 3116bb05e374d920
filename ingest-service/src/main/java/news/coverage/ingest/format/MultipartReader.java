package news.coverage.ingest.format;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostMultipartRequestDecoder;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of a {@code multipart/form-data} upload, read by Netty's multipart decoder from the body as it came:
 * a body without a boundary, cut short, or malformed is refused as a whole, and more parts than a batch may hold stop
 * the decoder before they are read.
 */
@ApplicationScoped
public class MultipartReader {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

    private final IngestLimits limits;

    public MultipartReader(IngestLimits limits) {
        this.limits = limits;
    }

    /** Each file part as a document named by its file name, with the part's content type; other fields are ignored. */
    public List<Document> files(String contentType, byte[] body) {
        var request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/uploads",
                Unpooled.wrappedBuffer(body));
        request.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        if (!HttpPostRequestDecoder.isMultipart(request)) {
            throw new MalformedUploadException("a multipart/form-data body needs its boundary in the Content-Type, "
                    + "such as multipart/form-data; boundary=XYZ");
        }
        if (!endsWithClosingDelimiter(contentType, body)) {
            throw new MalformedUploadException("the multipart body ends before its closing boundary (--boundary--)");
        }
        HttpPostMultipartRequestDecoder decoder;
        try {
            decoder = new HttpPostMultipartRequestDecoder(new DefaultHttpDataFactory(false), request,
                    StandardCharsets.UTF_8, limits.itemsPerBatch(), Math.max(body.length, 1) + 1024);
        } catch (HttpPostRequestDecoder.TooManyFormFieldsException e) {
            throw tooManyParts();
        } catch (HttpPostRequestDecoder.ErrorDataDecoderException e) {
            throw malformed(e);
        }
        try {
            List<Document> files = new ArrayList<>();
            for (InterfaceHttpData part : decoder.getBodyHttpDatas()) {
                if (part instanceof FileUpload file) {
                    files.add(new Document(file.getFilename(), file.getContentType(), file.get()));
                }
            }
            if (files.isEmpty()) {
                throw new MalformedUploadException("the multipart body holds no file part (a part with a filename)");
            }
            return files;
        } catch (HttpPostRequestDecoder.NotEnoughDataDecoderException e) {
            throw new MalformedUploadException("the multipart body ends before its closing boundary");
        } catch (HttpPostRequestDecoder.TooManyFormFieldsException e) {
            throw tooManyParts();
        } catch (HttpPostRequestDecoder.ErrorDataDecoderException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            decoder.destroy();
        }
    }

    /** Whether the body ends, but for white space, with {@code --boundary--}, as RFC 2046 requires. */
    private static boolean endsWithClosingDelimiter(String contentType, byte[] body) {
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!boundary.find()) {
            return false;
        }
        byte[] delimiter = ("--" + boundary.group(1) + "--").getBytes(StandardCharsets.US_ASCII);
        int end = body.length;
        while (end > 0 && Character.isWhitespace(body[end - 1])) {
            end--;
        }
        return end >= delimiter.length
                && Arrays.equals(body, end - delimiter.length, end, delimiter, 0, delimiter.length);
    }

    private LimitExceededException tooManyParts() {
        return new LimitExceededException("ingest.limits.items-per-batch", "the multipart body has more than "
                + limits.itemsPerBatch() + " parts");
    }

    private static MalformedUploadException malformed(RuntimeException e) {
        return new MalformedUploadException("the multipart body cannot be read: " + e.getMessage());
    }
}
