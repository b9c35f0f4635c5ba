package io.auditwarehouse.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ErrorMessagesTest {

    @Test
    void aQuotedValueKeepsItsControlCharactersVisibleOnOneLine() {
        assertEquals("'b-1\\r'", ErrorMessages.quoted("b-1\r"));
        assertEquals("'a\\nb\\tc\\u001b'", ErrorMessages.quoted("a\nb\tc\u001b"));
        assertEquals("'승인-7'", ErrorMessages.quoted("승인-7"));
    }

    @Test
    void theFirstLineOfAMessageIsWhatAnErrorPrints() {
        assertEquals("no such table", ErrorMessages.firstLine(new IllegalStateException("  no such table\n  at plan ...")));
        assertEquals("IllegalStateException", ErrorMessages.firstLine(new IllegalStateException()));
    }
}
