package io.auditwarehouse.portal;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.messageresolver.AbstractMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Server-rendered pages: Thymeleaf templates under {@code portal/templates/}, labels in {@code portal/messages_<ko|en>}. */
final class Pages {

    static final Locale KOREAN = Locale.KOREAN;
    static final Locale ENGLISH = Locale.ENGLISH;

    private final TemplateEngine engine = new TemplateEngine();

    Pages() {
        ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver(Pages.class.getClassLoader());
        templates.setPrefix("portal/templates/");
        templates.setSuffix(".html");
        templates.setTemplateMode(TemplateMode.HTML);
        templates.setCharacterEncoding("UTF-8");
        templates.setCacheable(true);
        engine.setTemplateResolver(templates);
        engine.setMessageResolver(new Labels());
        engine.setLinkBuilder(new StandardLinkBuilder() {
            @Override
            protected String computeContextPath(IExpressionContext context, String base, Map<String, Object> parameters) {
                return ""; // the portal is served at the root; outside a servlet context Thymeleaf needs telling
            }
        });
    }

    String render(String template, Locale locale, Map<String, Object> model) {
        return engine.process(template, new Context(locale, model));
    }

    /** A label in the page's language. */
    static String label(Locale locale, String key, Object... args) {
        try {
            String text = bundle(locale).getString(key);
            return args.length == 0 ? text : new MessageFormat(text, locale).format(args);
        } catch (MissingResourceException e) {
            return "??" + key + "??";
        }
    }

    private static ResourceBundle bundle(Locale locale) {
        // properties bundles are read as UTF-8 (Java 9+); no fallback to the JVM's locale
        return ResourceBundle.getBundle("portal/messages", locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static final class Labels extends AbstractMessageResolver {
        @Override
        public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] args) {
            return label(context.getLocale(), key, args == null ? new Object[0] : args);
        }

        @Override
        public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key, Object[] args) {
            return "??" + key + "??";
        }
    }
}
