package io.auditwarehouse.review;

import io.auditwarehouse.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The bulk review file: rows named by their line in the file, a bad header or row refused before anything is read further. */
class ReviewImportTest {

    private static List<ReviewRequest> read(String csv) throws Exception {
        return ReviewImport.read(new StringReader(csv), "r.csv");
    }

    @Test
    void rowsCarryTheirLineNumbers() throws Exception {
        List<ReviewRequest> rows = read("finding_id,disposition,reference,comment\nf1,REMEDIATED,T-1,\"two\nlines\"\nf2,ACKNOWLEDGED,T-2,\n");
        assertEquals(List.of("r.csv line 2", "r.csv line 4"), rows.stream().map(ReviewRequest::where).toList());
        assertEquals("two\nlines", rows.get(0).comment());
    }

    @Test
    void aBadHeaderOrRowIsNamedByLine() {
        assertEquals("--import: r.csv line 1: the header lacks reference (expected finding_id,disposition,reference,comment[,approves_review_id])",
                assertThrows(ConfigException.class, () -> read("finding_id,disposition,comment\nf1,REMEDIATED,x\n")).getMessage());
        assertEquals("--import: r.csv line 3: 3 fields, the header has 4",
                assertThrows(ConfigException.class, () -> read("finding_id,disposition,reference,comment\nf1,REMEDIATED,T,\nf2,REMEDIATED,T\n")).getMessage());
        assertEquals("--import: r.csv line 2: finding_id is empty",
                assertThrows(ConfigException.class, () -> read("finding_id,disposition,reference,comment\n,REMEDIATED,T,\n")).getMessage());
        assertEquals("--import: r.csv: no reviews in the file",
                assertThrows(ConfigException.class, () -> read("finding_id,disposition,reference,comment\n")).getMessage());
    }
}
