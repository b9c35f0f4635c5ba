package io.auditwarehouse.cli;

import io.auditwarehouse.config.AppConfig;
import io.auditwarehouse.config.PortalSettings;
import io.auditwarehouse.portal.AccessLog;
import io.auditwarehouse.portal.DemoAccount;
import io.auditwarehouse.portal.OidcSignIn;
import io.auditwarehouse.portal.PortalAccessLog;
import io.auditwarehouse.portal.PortalServer;
import io.auditwarehouse.portal.PortalWarehouse;
import io.auditwarehouse.portal.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true, footer = ExitCodes.HELP,
        description = {"Serves the evidence portal on portal.bind (default 127.0.0.1:8080): packages with their chain status, "
                + "findings, the summary and, for admins, the access log; every sign-in, download and export is recorded in "
                + "the warehouse table portal_access.",
                "On a loopback address it also prints a demo auditor account with a random password, valid until it stops."})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--no-demo-account", description = "do not create the demo auditor account")
    boolean noDemoAccount;

    @Override
    public Integer call() throws InterruptedException {
        AppConfig config = common.load();
        PortalSettings settings = config.portal();
        PrintWriter out = spec.commandLine().getOut();
        AccessLog accessLog = PortalAccessLog.of(config);
        OidcSignIn oidc = settings.oidc() ? OidcSignIn.discover(settings) : null;
        PortalServer server = new PortalServer(settings, config.outputDir(), PortalWarehouse.of(config), config.portalUsersFile(),
                accessLog, oidc, new PortalReviews(config));
        server.start();
        out.println("evidence portal on " + settings.withPort(server.port()).baseUrl() + "/ (reports " + config.outputDir().resolve("reports")
                + ", users " + config.portalUsersFile() + (oidc != null ? ", SSO " + settings.oidcIssuer() : "") + ")");
        if (settings.loopback() && !noDemoAccount) {
            char[] password = DemoAccount.randomPassword();
            server.addInMemoryAccount(DemoAccount.NAME, Role.AUDITOR, password);
            out.println("demo auditor: " + DemoAccount.NAME + " / " + new String(password) + "  (printed once; valid until this serve stops)");
            Arrays.fill(password, '\0');
        }
        out.println("Ctrl-C stops it.");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "portal-stop"));
        stopped.await();
        return ExitCodes.OK;
    }
}
