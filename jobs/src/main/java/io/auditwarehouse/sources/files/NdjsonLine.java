package io.auditwarehouse.sources.files;

import io.auditwarehouse.model.Decoded;
import io.auditwarehouse.model.QuarantineRecord;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * One line of an NDJSON file as bytes: decoded as strict UTF-8 first, because a lenient decode would turn a corrupt
 * byte into U+FFFD inside a job name or an approval number and pass the document on as if Jenkins had written it.
 */
public final class NdjsonLine {

    public static final String INVALID_UTF8 = "invalid UTF-8";

    private NdjsonLine() {
    }

    /** The decoder's result for a well-formed line; a line that is not UTF-8 is quarantined under {@code docId}. */
    public static Decoded decode(byte[] bytes, int length, String source, String docId, Function<String, Decoded> decoder) {
        String line;
        try {
            line = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException e) {
            return Decoded.rejected(QuarantineRecord.of(source, docId, INVALID_UTF8,
                    new String(bytes, 0, length, StandardCharsets.UTF_8)));
        }
        return decoder.apply(line);
    }
}
