package io.auditwarehouse.schedule;

import org.quartz.spi.InstanceIdGenerator;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Quartz cluster node ids {@code <host>-<pid>-<start millis>}. Quartz's own AUTO id (host + millis) gives two
 * schedulers started on one host in the same millisecond the same id, and the cluster then takes them for one node.
 */
public final class NodeInstanceIds implements InstanceIdGenerator {

    @Override
    public String generateInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid() + "-" + System.currentTimeMillis();
    }
}
