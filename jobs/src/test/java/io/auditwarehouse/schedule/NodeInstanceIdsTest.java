package io.auditwarehouse.schedule;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class NodeInstanceIdsTest {

    @Test
    void theIdCarriesTheProcessSoTwoSchedulersOnOneHostNeverShareIt() {
        String id = new NodeInstanceIds().generateInstanceId();
        assertTrue(id.matches(".+-" + ProcessHandle.current().pid() + "-\\d{13}"), id);
    }
}
