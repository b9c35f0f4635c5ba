package io.auditwarehouse.report.pdf;

import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.design.JRCompiler;
import net.sf.jasperreports.engine.xml.JRXmlLoader;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code .jrxml} templates shipped under {@code reports/templates/} (on the classpath, from the project's
 * {@code reports/} folder), compiled with JDT the first time a run needs them and kept for the rest of it.
 */
final class Templates {

    static final String FOLDER = "reports/templates/";
    private static final Map<String, JasperReport> COMPILED = new ConcurrentHashMap<>();

    private Templates() {
    }

    static JasperReport get(String name) {
        return COMPILED.computeIfAbsent(name, Templates::compile);
    }

    private static JasperReport compile(String name) {
        SimpleJasperReportsContext context = new SimpleJasperReportsContext(DefaultJasperReportsContext.getInstance());
        // JDT compiles in memory and needs no JDK; never fall back to javac
        context.setProperty(JRCompiler.COMPILER_PREFIX + "java", "net.sf.jasperreports.jdt.JRJdtCompiler");
        String resource = FOLDER + name + ".jrxml";
        try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is not on the classpath");
            return JasperCompileManager.getInstance(context).compile(JRXmlLoader.load(context, in));
        } catch (IOException | JRException e) {
            throw new IllegalStateException("compiling " + resource + " failed: " + e.getMessage(), e);
        }
    }
}
