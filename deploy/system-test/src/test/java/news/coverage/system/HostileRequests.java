package news.coverage.system;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The building blocks of hostile requests: items to break field by field, bodies, archives, tokens in headers. */
final class HostileRequests {

    private static final AtomicInteger SERIAL = new AtomicInteger();

    private HostileRequests() {
    }

    /** A valid JSON item with a URL of its own, its fields as raw JSON so that any of them can be broken. */
    static final class Item {

        private final Map<String, String> fields = new LinkedHashMap<>();

        static Item valid() {
            int serial = SERIAL.incrementAndGet();
            Item item = new Item();
            item.fields.put("title", "\"Hostile input probe " + serial + " about facial recognition\"");
            item.fields.put("excerpt", "\"A probe item of the hostile-input suite, number " + serial + ".\"");
            item.fields.put("webUrl", "\"https://hostile.example/probes/" + serial + "\"");
            item.fields.put("publishedDateTime", "\"2020-06-10T12:00:00Z\"");
            item.fields.put("provider", "{\"name\": \"Hostile Times\", \"domain\": \"hostile.example\"}");
            item.fields.put("topics", "[\"AI\", \"Computer Vision\"]");
            return item;
        }

        /** Sets a field to raw JSON; a name already in quotes is taken as a JSON string literal, escapes and all. */
        Item set(String field, String rawJson) {
            fields.put(field, rawJson);
            return this;
        }

        Item without(String field) {
            fields.remove(field);
            return this;
        }

        String json() {
            return fields.entrySet().stream()
                    .map(field -> (field.getKey().startsWith("\"") ? field.getKey() : quote(field.getKey())) + ": "
                            + field.getValue())
                    .collect(Collectors.joining(", ", "{", "}"));
        }

        byte[] bytes() {
            return json().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A Markdown item with YAML front matter; {@code extraFrontMatter} lines are added to it. */
    static String markdown(String extraFrontMatter) {
        int serial = SERIAL.incrementAndGet();
        return "---\n"
                + "title: \"Hostile Markdown probe " + serial + "\"\n"
                + "webUrl: \"https://hostile.example/markdown/" + serial + "\"\n"
                + "publishedDateTime: 2020-06-10T12:00:00Z\n"
                + "provider:\n  name: Hostile Times\n  domain: hostile.example\n"
                + "topics:\n  - AI\n"
                + extraFrontMatter
                + "---\nThe body.\n";
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String multipart(String boundary, String... filesAndContents) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < filesAndContents.length; i += 2) {
            body.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"file").append(i).append("\"; filename=\"")
                    .append(filesAndContents[i]).append("\"\r\n\r\n").append(filesAndContents[i + 1]).append("\r\n");
        }
        return body.append("--").append(boundary).append("--\r\n").toString();
    }

    /** A zip of the given entries (name, content), stored uncompressed. */
    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                zipEntry.setMethod(ZipEntry.STORED);
                zipEntry.setSize(entry.getValue().length);
                CRC32 crc = new CRC32();
                crc.update(entry.getValue());
                zipEntry.setCrc(crc.getValue());
                zip.putNextEntry(zipEntry);
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A zip of one entry whose content was changed after its CRC-32 was written: a corrupt archive. */
    static byte[] zipWithWrongCrc(String name, String content) throws IOException {
        byte[] zip = zip(Map.of(name, content.getBytes(StandardCharsets.UTF_8)));
        String text = new String(zip, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("Hostile");
        zip[at] = (byte) 'h';
        return zip;
    }

    /** A zip of {@code count} entries of {@code size} zero bytes each, deflated: small, but large once expanded. */
    static byte[] zeros(int count, int size) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] zeros = new byte[size];
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < count; i++) {
                zip.putNextEntry(new ZipEntry("zeros-" + i + ".txt"));
                zip.write(zeros);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A tar.gz holding a symbolic link to a file outside it. */
    static byte[] tarWithLink() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            TarArchiveEntry link = new TarArchiveEntry("key.md", TarConstants.LF_SYMLINK);
            link.setLinkName("../../jwt/privateKey.pem");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    static HttpRequest.Builder post(URI uri, String contentType, byte[] body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return contentType == null ? builder : builder.header("Content-Type", contentType);
    }

    static HttpRequest.Builder post(URI uri, String contentType, String body) {
        return post(uri, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static HttpRequest.Builder get(URI uri) {
        return HttpRequest.newBuilder(uri).GET();
    }

    static HttpRequest.Builder method(URI uri, String method) {
        return HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody());
    }

    static HttpRequest.Builder bearer(HttpRequest.Builder request, String token) {
        return request.header("Authorization", "Bearer " + token);
    }
}
