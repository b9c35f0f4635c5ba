package io.auditwarehouse.portal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Content-Disposition for a served file: an ASCII fallback name and the exact name RFC 5987-encoded. */
final class Downloads {

    private Downloads() {
    }

    static String attachment(String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
