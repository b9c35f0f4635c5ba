package io.auditwarehouse.cli;

import io.auditwarehouse.runtime.SoftwareVersion;
import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[]{"audit-warehouse " + SoftwareVersion.get()};
    }
}
