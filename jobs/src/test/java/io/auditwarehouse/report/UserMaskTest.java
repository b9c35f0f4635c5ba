package io.auditwarehouse.report;

import io.auditwarehouse.config.TestSecrets;
import io.auditwarehouse.model.User;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Free text through the mask: ids and display names replaced as whole words, Korean names before particles too. */
class UserMaskTest {

    private final Pseudonyms p = Pseudonyms.of(TestSecrets.of("unit-test-pseudonym-key"));
    private final UserMask mask = UserMask.of(p, List.of(new User("kim.op", "Kim Operator", null, "OPERATOR", null, null),
            new User("choi.op", "최운영", null, "OPERATOR", null, null), new User("op", "Op", null, "ADMIN", null, null)), List.of("x.y"));

    @Test
    void idsAndDisplayNamesBecomeThePseudonymOfTheirUserId() {
        assertEquals("Started by user " + p.of("kim.op") + ", by " + p.of("kim.op") + ".",
                mask.text("Started by user Kim Operator, by KIM.OP."));
        assertEquals(p.of("choi.op") + "이 실행", mask.text("최운영이 실행"));
        assertEquals("moved by " + p.of("x.y"), mask.text("moved by x.y"));
    }

    @Test
    void anAsciiNameIsReplacedOnlyAsAWholeWord() {
        assertEquals("operator kim.opx " + p.of("op") + " (" + p.of("op") + ")", mask.text("operator kim.opx op (Op)"));
    }

    @Test
    void differentKeysGiveDifferentPseudonymsOfTheIssuesForm() {
        Pseudonyms other = Pseudonyms.of(TestSecrets.of("another-unit-test-key"));
        assertEquals(PseudonymisedPackageTest.pseudonym("unit-test-pseudonym-key", "kim.op"), p.of("kim.op"));
        assertEquals(PseudonymisedPackageTest.pseudonym("another-unit-test-key", "kim.op"), other.of("kim.op"));
        assertEquals(false, p.of("kim.op").equals(other.of("kim.op")));
    }
}
