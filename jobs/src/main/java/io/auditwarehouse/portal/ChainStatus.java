package io.auditwarehouse.portal;

import java.util.List;

/** The verification of an issued package by {@code verify}'s code: its problems as {@code verify} prints them; none when intact. */
public record ChainStatus(List<String> problems) {

    public boolean intact() {
        return problems.isEmpty();
    }
}
